/**
 * The 18 French régions (13 in metropolitan France, 5 overseas) and the département each belongs to,
 * for the statistics' breakdowns. Codes are INSEE's (code officiel géographique, régions since 2016).
 */
import type { DepartmentCode } from "../business-profile";

export const REGIONS = [
  { code: "84", name: "Auvergne-Rhône-Alpes", departments: ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"] },
  { code: "27", name: "Bourgogne-Franche-Comté", departments: ["21", "25", "39", "58", "70", "71", "89", "90"] },
  { code: "53", name: "Bretagne", departments: ["22", "29", "35", "56"] },
  { code: "24", name: "Centre-Val de Loire", departments: ["18", "28", "36", "37", "41", "45"] },
  { code: "94", name: "Corse", departments: ["2A", "2B"] },
  { code: "44", name: "Grand Est", departments: ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"] },
  { code: "32", name: "Hauts-de-France", departments: ["02", "59", "60", "62", "80"] },
  { code: "11", name: "Île-de-France", departments: ["75", "77", "78", "91", "92", "93", "94", "95"] },
  { code: "28", name: "Normandie", departments: ["14", "27", "50", "61", "76"] },
  { code: "75", name: "Nouvelle-Aquitaine", departments: ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"] },
  { code: "76", name: "Occitanie", departments: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"] },
  { code: "52", name: "Pays de la Loire", departments: ["44", "49", "53", "72", "85"] },
  { code: "93", name: "Provence-Alpes-Côte d’Azur", departments: ["04", "05", "06", "13", "83", "84"] },
  { code: "01", name: "Guadeloupe", departments: ["971"] },
  { code: "02", name: "Martinique", departments: ["972"] },
  { code: "03", name: "Guyane", departments: ["973"] },
  { code: "04", name: "La Réunion", departments: ["974"] },
  { code: "06", name: "Mayotte", departments: ["976"] },
] as const satisfies readonly { code: string; name: string; departments: readonly DepartmentCode[] }[];

export type RegionCode = (typeof REGIONS)[number]["code"];

const REGION_OF_DEPARTMENT = new Map<string, RegionCode>(REGIONS.flatMap((r) => r.departments.map((d) => [d, r.code] as const)));

/** The région of a département code, or null for an unknown or missing one. */
export function regionOf(department: string | null | undefined): RegionCode | null {
  return department ? (REGION_OF_DEPARTMENT.get(department) ?? null) : null;
}
