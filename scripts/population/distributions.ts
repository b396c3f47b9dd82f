// Who the synthetic merchants are: sectors, sizes, départements, the shares of each kind of learner,
// the span of registrations and the cities the cohorts meet in. Figures, no logic.
import { DEPARTMENT_CODES, SECTORS, SIZE_BANDS } from "@/lib/business-profile";
import { weighted } from "./random";

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
export const MINUTE_MS = 60_000;
export const SPAN_WEEKS = 26;
export const LEARNERS_PER_BATCH = 1000;

/** Skewed: retail, crafts and food shops most common. */
const SECTOR_WEIGHTS: Record<(typeof SECTORS)[number], number> = {
  "commerce-de-detail": 22,
  artisanat: 16,
  alimentation: 15,
  services: 10,
  restauration: 9,
  mode: 8,
  "sante-beaute": 6,
  maison: 5,
  loisirs: 4,
  librairie: 3,
  autre: 2,
};

/** Mostly sole traders and very small businesses. */
const SIZE_WEIGHTS: Record<(typeof SIZE_BANDS)[number], number> = { "0": 55, "1-9": 35, "10-49": 8, "50-249": 2 };

/** Rough population of each département, in thousands (INSEE, rounded): businesses follow people. */
const DEPARTMENT_POPULATION: Record<string, number> = {
  "01": 660, "02": 530, "03": 335, "04": 165, "05": 140, "06": 1100, "07": 330, "08": 270, "09": 155, "10": 310,
  "11": 375, "12": 280, "13": 2050, "14": 700, "15": 145, "16": 350, "17": 660, "18": 300, "19": 240, "2A": 160,
  "2B": 185, "21": 535, "22": 600, "23": 115, "24": 410, "25": 545, "26": 520, "27": 600, "28": 430, "29": 920,
  "30": 750, "31": 1430, "32": 190, "33": 1650, "34": 1200, "35": 1100, "36": 220, "37": 610, "38": 1280, "39": 260,
  "40": 420, "41": 330, "42": 765, "43": 228, "44": 1450, "45": 680, "46": 175, "47": 330, "48": 76, "49": 820,
  "50": 495, "51": 565, "52": 170, "53": 307, "54": 730, "55": 185, "56": 760, "57": 1045, "58": 200, "59": 2610,
  "60": 830, "61": 280, "62": 1465, "63": 660, "64": 690, "65": 230, "66": 480, "67": 1140, "68": 765, "69": 1880,
  "70": 235, "71": 550, "72": 565, "73": 435, "74": 830, "75": 2140, "76": 1250, "77": 1420, "78": 1450, "79": 375,
  "80": 570, "81": 390, "82": 260, "83": 1080, "84": 560, "85": 690, "86": 440, "87": 370, "88": 360, "89": 335,
  "90": 140, "91": 1300, "92": 1620, "93": 1650, "94": 1400, "95": 1250,
  // Overseas: fewer sign-ups than their population (a programme first run from metropolitan France).
  "971": 230, "972": 215, "973": 170, "974": 520, "976": 170,
};

export const SHARE_WITHOUT_PROFILE = 0.08;
export const SHARE_NEUTRAL_PATH = 0.2;
export const SHARE_IN_COHORT = 0.3;
/** Registered, never opened a module. */
export const SHARE_NEVER_STARTED = 0.11;
/** Go through every step and pass every quiz (those who registered too recently run out of time). */
export const SHARE_FINISHERS = 0.06;

export const sectors = weighted(SECTORS.map((s) => [s, SECTOR_WEIGHTS[s]] as const));
export const sizes = weighted(SIZE_BANDS.map((s) => [s, SIZE_WEIGHTS[s]] as const));
export const departments = weighted(DEPARTMENT_CODES.map((d) => [d, DEPARTMENT_POPULATION[d] ?? 300] as const));

export const CITIES = ["Lille", "Amiens", "Rouen", "Caen", "Rennes", "Brest", "Nantes", "Angers", "Tours", "Orléans", "Dijon", "Besançon", "Strasbourg", "Metz", "Reims", "Lyon", "Grenoble", "Clermont-Ferrand", "Limoges", "Poitiers", "Bordeaux", "Pau", "Toulouse", "Montpellier", "Nîmes", "Marseille", "Nice", "Ajaccio", "Saint-Denis (La Réunion)", "Pointe-à-Pitre", "Paris", "Créteil", "Versailles"];
