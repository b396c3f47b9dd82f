/**
 * The cohort dashboard's CSV lines, for French spreadsheets: the caller writes them with ";" as
 * separator and a BOM; numbers here use a decimal comma and dates are ISO days (YYYY-MM-DD, Paris).
 * Statuses are written in French words, as on the screen.
 */
import { dayOf } from "../calendar-day";
import type { Programme } from "../content/types";
import { itemSlots } from "./assignments";
import type { Cell, DashboardAssignment, LearnerRow } from "./dashboard";

export const CSV_COLUMNS = [
  { key: "learner", header: "Apprenant·e" },
  { key: "email", header: "E-mail" },
  { key: "item", header: "Élément assigné" },
  { key: "itemKind", header: "Type" },
  { key: "dueOn", header: "Échéance" },
  { key: "isExtended", header: "Échéance prolongée" },
  { key: "status", header: "Statut" },
  { key: "percent", header: "Avancement (%)" },
  { key: "watchedMin", header: "Temps regardé (min)" },
  { key: "completedOn", header: "Terminé le" },
  { key: "lastActivityOn", header: "Dernière activité" },
] as const;

export function csvColumns() {
  return CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header }));
}

export const CSV_STATUS_LABELS = { overdue: "En retard", "not-started": "Pas commencé", "in-progress": "En cours", completed: "Terminé" } as const;

/** 12.5 → "12,5" (French decimal comma), at most `digits` decimals, no thousands separator. */
export function decimalComma(value: number, digits = 1): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor).replace(".", ",");
}

export function itemTitle(programme: Programme, assignment: Pick<DashboardAssignment, "itemKind" | "itemId">): string {
  if (assignment.itemKind === "chapter") return programme.chapters.find((c) => c.id === assignment.itemId)?.title.fr ?? assignment.itemId;
  return programme.modulesById.get(assignment.itemId)?.title.fr ?? assignment.itemId;
}

export function csvRecord(input: {
  row: LearnerRow;
  email: string;
  cell: Cell;
  assignment: DashboardAssignment;
  programme: Programme;
  /** The learner's unique seconds watched, by module. */
  watchedByModule: ReadonlyMap<string, number>;
}): Record<(typeof CSV_COLUMNS)[number]["key"], string> {
  const { row, cell, assignment, programme } = input;
  const watchedS = itemSlots(programme, assignment)
    .flat()
    .reduce((sum, moduleId) => sum + (input.watchedByModule.get(moduleId) ?? 0), 0);
  return {
    learner: row.name,
    email: input.email,
    item: itemTitle(programme, assignment),
    itemKind: assignment.itemKind === "chapter" ? "Chapitre" : "Module",
    dueOn: cell.dueOn ?? "",
    isExtended: cell.isExtended ? "oui" : "non",
    status: CSV_STATUS_LABELS[cell.status],
    percent: decimalComma(cell.percent),
    watchedMin: decimalComma(watchedS / 60),
    completedOn: cell.completedAt ? dayOf(cell.completedAt) : "",
    lastActivityOn: row.lastActivityAt ? dayOf(row.lastActivityAt) : "",
  };
}
