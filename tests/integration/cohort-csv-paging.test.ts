import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getCohortDashboard, streamCohortCsv } from "@/server/data/cohort-dashboard";
import { CSV_STATUS_LABELS, decimalComma } from "@/lib/cohorts/dashboard-csv";
import { generateCohort } from "../../scripts/generate-cohort.mjs";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

describe(`a big cohort's CSV on ${engine}`, () => {
  it("is written page by page (500 learners a page) with every learner exactly once and the dashboard's figures", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { cohortId, trainer, assignments } = await generateCohort({ learners: 1_150, now, seed: 7 });
    const dashboard = await getCohortDashboard(trainer, cohortId, now);
    const { stream } = await streamCohortCsv(trainer, cohortId, now);
    const text = await new Response(stream).text();
    const records = parse(text, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];

    expect(records).toHaveLength(1_150 * assignments.length);
    expect(new Set(records.map((r) => r["E-mail"])).size).toBe(1_150);
    const byLearnerAndItem = new Map(records.map((r) => [`${r["Apprenant·e"]}|${r["E-mail"]}|${r["Élément assigné"]}`, r]));
    expect(byLearnerAndItem.size).toBe(records.length);
    // Every dashboard cell is in the file with the same status and percentage.
    const statusCounts = new Map<string, number>();
    for (const row of dashboard.rows) {
      for (const cell of row.cells) {
        const label = CSV_STATUS_LABELS[cell.status];
        statusCounts.set(label, (statusCounts.get(label) ?? 0) + 1);
      }
    }
    const csvStatusCounts = new Map<string, number>();
    for (const r of records) csvStatusCounts.set(r.Statut!, (csvStatusCounts.get(r.Statut!) ?? 0) + 1);
    expect(csvStatusCounts).toEqual(statusCounts);
    const percentSum = dashboard.rows.reduce((s, row) => s + row.cells.reduce((t, c) => t + c.percent, 0), 0);
    const csvPercentSum = records.reduce((s, r) => s + Number(r["Avancement (%)"]!.replace(",", ".")), 0);
    expect(csvPercentSum).toBeCloseTo(percentSum, 6);
    expect(decimalComma(12.5)).toBe("12,5");
  });
});
