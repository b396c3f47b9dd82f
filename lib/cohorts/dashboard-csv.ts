/**
 * The cohort dashboard's CSV lines, for French spreadsheets: the caller writes them with ";" as
 * separator and a BOM; numbers here use a decimal comma and dates are ISO days (YYYY-MM-DD, Paris).
 * Statuses are written in French words, as on the screen. Long format: one line per learner and
 * assignment; the learner's own figures (last activity, live sessions) repeat on each of their lines.
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
  // Two plain numbers, not « 1 / 2 », which a spreadsheet may read as a date.
  { key: "liveAttended", header: "Sessions en direct suivies" },
  { key: "liveHeld", header: "Sessions en direct tenues" },
] as const;

export type CsvRecord = Record<(typeof CSV_COLUMNS)[number]["key"], string>;

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
}): CsvRecord {
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
    ...learnerFields(row),
  };
}

function learnerFields(row: LearnerRow): Pick<CsvRecord, "lastActivityOn" | "liveAttended" | "liveHeld"> {
  return {
    lastActivityOn: row.lastActivityAt ? dayOf(row.lastActivityAt) : "",
    liveAttended: String(row.liveSessions.attendedCount),
    liveHeld: String(row.liveSessions.heldCount),
  };
}

/**
 * A learner's lines: one per assignment, or, when the cohort has no assignment, one line with the
 * assignment's columns empty (the learner's own figures are still in the file).
 */
export function csvLearnerRecords(input: {
  row: LearnerRow;
  email: string;
  assignments: readonly DashboardAssignment[];
  programme: Programme;
  watchedByModule: ReadonlyMap<string, number>;
}): CsvRecord[] {
  const { row, email, assignments, programme, watchedByModule } = input;
  if (row.cells.length === 0) {
    return [{ learner: row.name, email, item: "", itemKind: "", dueOn: "", isExtended: "", status: "", percent: "", watchedMin: "", completedOn: "", ...learnerFields(row) }];
  }
  return row.cells.map((cell, index) => csvRecord({ row, email, cell, assignment: assignments[index]!, programme, watchedByModule }));
}
