import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../../tests/support/fake-programme";
import { makeTranslator } from "../i18n";
import { METRIC, type Metric } from "./counters";
import { cellText, csvRecords } from "./csv";
import { durationBucket } from "./durations";
import { breakdownTable, funnelTables, liveSessionsTable, monthsEndingWith, overviewTables, pathTables, retentionTable, type CounterRow, type LiveSessionFact, type StatCell } from "./tables";

const t = makeTranslator("fr");
const programme = fakeProgramme();
const row = (metric: Metric, key: string, value: number): CounterRow => ({ metric, key, value });
const texts = (cells: StatCell[]) => cells.map((c) => cellText(c, "fr", "csv"));

describe("overviewTables", () => {
  const counters = [
    row(METRIC.learnersByWeek, "2026-11-23", 40),
    row(METRIC.learnersByWeek, "2026-11-30", 3),
    row(METRIC.learnersByWeek, "2025-01-06", 100), // long ago: in the total of learners, not in the 12 weeks
    row(METRIC.activeByDay, "2026-12-01", 12),
    row(METRIC.activeByDay, "2026-11-24", 5), // a week ago: in the last 30 days, not the last 7 (25 Nov – 1 Dec)
    row(METRIC.activeByDay, "2026-11-26", 6),
    row(METRIC.activeByDay, "2026-10-01", 50),
    row(METRIC.completionsByWeek, "2026-11-30", 25),
    row(METRIC.attestationsByWeek, "2026-11-30", 2),
    row(METRIC.cohortLearners, "", 9),
  ];
  const { overview, weekly } = overviewTables({ counters, programme: { startedCount: 120, completedCount: 4 }, cohortCount: 3, today: "2026-12-01" }, t);

  it.each([
    ["registered", "143"],
    ["active7", "18"], // 12 + 6: 2026-11-26 is within the last 7 days, 2026-11-25 is not
    ["active30", "23"],
    ["started", "120"],
    ["completed", "< 10"],
    ["attestations", "< 10"],
    ["cohortLearners", "< 10"],
    ["cohorts", "3"], // groups are not people
  ])("the key figure %s reads %s", (key, text) => {
    expect(texts(overview.rows.find((r) => r.key === key)!.cells)).toEqual([text]);
  });

  it("has twelve weeks ending with this week, and their totals, with small weeks hidden", () => {
    expect(weekly.rows).toHaveLength(13);
    expect(weekly.rows[11]!.key).toBe("2026-11-30");
    expect(weekly.rows[0]!.key).toBe("2026-09-14");
    expect(texts(weekly.rows[11]!.cells)).toEqual(["< 10", "25", "< 10"]);
    // 40 and 3 make 43, but the ten empty weeks are hidden too ("< 10"): the 3 cannot be told apart from them.
    expect(texts(weekly.rows[10]!.cells)[0]).toBe("40");
    expect(texts(weekly.rows[12]!.cells)).toEqual(["43", "25", "< 10"]);
  });
});

describe("funnelTables", () => {
  const tenMinutes = String(durationBucket(600));
  const counters = [
    row(METRIC.watchedEnough, "m1", 30),
    row(METRIC.quizLearners, "m1", 28),
    row(METRIC.quizFirstTry, "m1", 21),
    row(METRIC.quizAttempts, "m1", 42),
    row(METRIC.quizPassed, "m1", 27),
    row(METRIC.timeToCompleteModule, `m1:${tenMinutes}`, 27),
    row(METRIC.quizLearners, "m4", 12),
    row(METRIC.quizFirstTry, "m4", 5),
    row(METRIC.quizAttempts, "m4", 30),
    row(METRIC.timeToCompleteModule, `m4:${tenMinutes}`, 9),
  ];
  const modules = new Map([
    ["m1", { startedCount: 50, completedCount: 27 }],
    ["m4", { startedCount: 15, completedCount: 9 }],
  ]);
  const chapters = new Map([["ch1", { startedCount: 50, completedCount: 8 }]]);
  const tables = funnelTables({ counters, modules, chapters }, programme, "fr", t);

  it.each([
    // module, chapter no., started, watched enough, quiz passed, completed, first try %, attempts, median (min)
    ["m1", ["1", "50", "30", "27", "27", "75", "1,5", "10"]],
    // 5 passed at the first try: hidden, so is the share built on it; 9 completions: no median
    ["m4", ["1", "15", "< 10", "< 10", "< 10", "", "2,5", ""]],
    ["twin", ["1", "< 10", "< 10", "< 10", "< 10", "", "", ""]],
    ["m5", ["2", "< 10", "< 10", "< 10", "< 10", "", "", ""]],
  ])("the module %s", (id, expected) => {
    const cells = texts(tables.modules.rows.find((r) => r.key === id)!.cells);
    expect(cells.map((c, i) => (i === 7 && c ? String(Math.round(Number(c.replace(",", ".")) / 10) * 10) : c))).toEqual(expected);
  });

  it("gives each chapter its started, completed and rate, hiding a rate built on a hidden count", () => {
    expect(texts(tables.chapters.rows[0]!.cells)).toEqual(["50", "< 10", "", ""]);
    expect(texts(tables.chapters.rows[1]!.cells)).toEqual(["< 10", "< 10", "", ""]);
  });
});

describe("retentionTable", () => {
  it("has a row per 10-second slice, with the share of the module's learners", () => {
    const table = retentionTable(
      { modules: new Map([["m1", { startedCount: 40, completedCount: 0 }]]), slices: [{ moduleId: "m1", slice: 0, watchedCount: 40 }, { moduleId: "m1", slice: 1, watchedCount: 20 }, { moduleId: "m1", slice: 9, watchedCount: 3 }] },
      programme,
      "fr",
      t,
      "m1",
    );
    expect(table.rows).toHaveLength(10); // 100 s
    expect(texts(table.rows[0]!.cells)).toEqual(["0:00", "40", "40", "100"]);
    expect(texts(table.rows[1]!.cells)).toEqual(["0:10", "40", "20", "50"]);
    expect(texts(table.rows[2]!.cells)).toEqual(["0:20", "40", "< 10", ""]);
    expect(texts(table.rows[9]!.cells)).toEqual(["1:30", "40", "< 10", ""]);
  });
});

describe("pathTables", () => {
  it("compares each vendor module with its twin, and counts the parcours neutre", () => {
    const modules = new Map([
      ["vendor", { startedCount: 40, completedCount: 30 }],
      ["twin", { startedCount: 20, completedCount: 10 }],
    ]);
    const counters = [row(METRIC.learnersByWeek, "2026-11-30", 200), row(METRIC.neutralPath, "", 50)];
    const { paths, neutralPath } = pathTables({ counters, modules }, programme, "fr", t);
    expect(paths.rows).toHaveLength(1);
    expect(texts(paths.rows[0]!.cells)).toEqual(["Chez Amazon", "30", "Ailleurs", "10", "25"]);
    expect(texts(neutralPath.rows[1]!.cells)).toEqual(["50", "25"]);
  });
});

describe("breakdownTable", () => {
  it("lists the 18 régions and the missing profile, with complementary suppression and the total", () => {
    const counters = [row(METRIC.learnersByRegion, "11", 120), row(METRIC.learnersByRegion, "52", 30), row(METRIC.learnersByRegion, "94", 4), row(METRIC.learnersByRegion, "none", 12), row(METRIC.completersByRegion, "11", 15)];
    const table = breakdownTable("by-region", counters, t);
    expect(table.rows).toHaveLength(20);
    const byKey = (key: string) => texts(table.rows.find((r) => r.key === key)!.cells);
    expect(byKey("11")).toEqual(["120", "15", "12,5"]);
    expect(byKey("94")).toEqual(["< 10", "< 10", ""]);
    expect(table.rows.find((r) => r.key === "none")!.label).toBe("Profil non renseigné");
    expect(byKey("total")).toEqual(["166", "15", "9"]);
  });

  it("hides a second size band when the total would give a lone small one away", () => {
    const counters = [row(METRIC.learnersBySize, "0", 120), row(METRIC.learnersBySize, "1-9", 30), row(METRIC.learnersBySize, "10-49", 4), row(METRIC.learnersBySize, "50-249", 15), row(METRIC.learnersBySize, "none", 12)];
    const registered = breakdownTable("by-size", counters, t).rows.map((r) => texts(r.cells)[0]);
    // 181 − 120 − 30 − 15 − 12 would be the 4: the smallest other band (12) is hidden with it.
    expect(registered).toEqual(["120", "30", "< 10", "15", "< 10", "181"]);
  });
});

describe("monthsEndingWith", () => {
  it.each<[string, number, string[]]>([
    ["2026-12-15", 3, ["2026-10", "2026-11", "2026-12"]],
    ["2026-01-31", 3, ["2025-11", "2025-12", "2026-01"]],
    ["2026-03-01", 1, ["2026-03"]],
    ["2027-02-28", 14, ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]],
  ])("the months ending with %s (%i)", (today, count, expected) => expect(monthsEndingWith(today, count)).toEqual(expected));
});

describe("liveSessionsTable", () => {
  const NOW = new Date("2026-12-15T10:00:00Z");
  const session = (startsAt: string, registrationCount: number, presentCount: number, overrides: Partial<LiveSessionFact> = {}): LiveSessionFact => ({
    startsAt: new Date(startsAt),
    isCancelled: false,
    registrationCount,
    presentCount,
    isAttendanceMarked: true,
    ...overrides,
  });
  const table = liveSessionsTable(
    {
      now: NOW,
      sessions: [
        session("2026-12-01T17:00:00Z", 12, 10),
        // 00:30 on 1 December in Paris: a December session; attendance not marked (not in the rate).
        session("2026-11-30T23:30:00Z", 5, 0, { isAttendanceMarked: false }),
        session("2026-11-10T17:00:00Z", 30, 24),
        session("2026-10-06T08:00:00Z", 4, 3),
        // Not held, or out of the twelve months: not counted.
        session("2026-12-08T17:00:00Z", 20, 0, { isCancelled: true }),
        session("2026-12-20T17:00:00Z", 15, 0, { isAttendanceMarked: false }),
        session("2025-12-31T22:59:00Z", 40, 40), // 23:59 on 31 December 2025 in Paris
      ],
    },
    t,
  );
  const byKey = (key: string) => texts(table.rows.find((r) => r.key === key)!.cells);

  it("has the twelve months ending with this one, and their total", () => {
    expect(table.id).toBe("live-sessions");
    expect(table.rows.map((r) => r.key)).toEqual([...monthsEndingWith("2026-12-15", 12), "total"]);
    expect(table.rows.at(-1)).toMatchObject({ label: "Total des 12 mois", isTotal: true });
  });

  it.each<[string, string[]]>([
    // held, registrations, presences, rate: 10 present of the 12 registered at the marked session
    ["2026-12", ["2", "17", "10", "83,3"]],
    ["2026-11", ["1", "30", "24", "80"]],
    // small counts hidden, and the rate built on them
    ["2026-10", ["1", "< 10", "< 10", ""]],
    // sessions are not people: their number is shown as it is; an empty month hides its zeros
    ["2026-09", ["0", "< 10", "< 10", ""]],
    ["2026-01", ["0", "< 10", "< 10", ""]],
    // 37 present of 46 registered at marked sessions
    ["total", ["4", "51", "37", "80,4"]],
  ])("the month %s reads %j", (key, expected) => expect(byKey(key)).toEqual(expected));

  it("hides a second month when the total would give a lone small one away, and the rates built on them", () => {
    const sessions = monthsEndingWith("2026-12-15", 12).map((month, i) => session(`${month}-05T17:00:00Z`, i === 3 ? 5 : 20 + i, i === 3 ? 4 : 15));
    const rows = liveSessionsTable({ now: NOW, sessions }, t).rows;
    const hidden = rows.filter((r) => texts(r.cells)[1] === "< 10").map((r) => r.key);
    // 20 + … + 31 without the 23, minus the published months, would be the 5: the smallest other month (20) is hidden with it.
    expect(hidden).toEqual(["2026-01", "2026-04"]);
    for (const key of hidden) expect(texts(rows.find((r) => r.key === key)!.cells)[3]).toBe("");
    expect(texts(rows.at(-1)!.cells)).toEqual(["12", String(5 + 20 * 11 + 66 - 3), String(15 * 11 + 4), "58,7"]);
  });

  it("hides a rate whose denominator is hidden, even when its presences are shown", () => {
    // Registrations: 5 in April is hidden, and December's 12 with it (the smallest other month);
    // presences: 4 in April is hidden, and January's 10 with it. December's 12 presences stay shown.
    const sessions = monthsEndingWith("2026-12-15", 12).map((month, i) => session(`${month}-05T17:00:00Z`, i === 3 ? 5 : i === 11 ? 12 : 20, i === 3 ? 4 : i === 0 ? 10 : i === 11 ? 12 : 15));
    const rows = liveSessionsTable({ now: NOW, sessions }, t).rows;
    expect(texts(rows.find((r) => r.key === "2026-12")!.cells)).toEqual(["1", "< 10", "12", ""]);
    expect(texts(rows.find((r) => r.key === "2026-01")!.cells)).toEqual(["1", "20", "< 10", ""]);
    expect(texts(rows.find((r) => r.key === "2026-02")!.cells)).toEqual(["1", "20", "15", "75"]);
  });

  it("writes the CSV header with the rate in %", () => {
    expect(csvRecords(table, "fr")[0]).toEqual(["Mois", "Sessions tenues", "Inscriptions", "Présences", "Taux de présence (%)"]);
  });
});

describe("csvRecords", () => {
  it("writes the header with units, then the label and the cells of each row", () => {
    const table = breakdownTable("by-size", [row(METRIC.learnersBySize, "0", 1234), row(METRIC.completersBySize, "0", 100), row(METRIC.learnersBySize, "1-9", 500), row(METRIC.completersBySize, "1-9", 50)], t);
    const records = csvRecords(table, "fr");
    expect(records[0]).toEqual(["Taille", "Inscrit·e·s", "Ont terminé le programme", "Taux de complétion (%)"]);
    expect(records[1]).toEqual(["Aucun salarié", "1234", "100", "8,1"]);
    expect(records.at(-1)).toEqual(["Tous les apprenant·e·s", "1734", "150", "8,7"]);
  });

  it.each<[StatCell, string, string]>([
    [{ kind: "count", entry: { value: 12345, isSuppressed: false } }, "12\u202f345", "12345"],
    [{ kind: "count", entry: { value: 3, isSuppressed: true } }, "< 10", "< 10"],
    [{ kind: "share", value: 0.4567 }, "45,7 %", "45,7"],
    [{ kind: "share", value: null }, "—", ""],
    [{ kind: "mean", value: 1.25 }, "1,3", "1,3"],
    [{ kind: "duration", seconds: 7800 }, "≈ 2 h 10", "130"],
    [{ kind: "duration", seconds: 600 }, "≈ 10 min", "10"],
    [{ kind: "duration", seconds: 3 * 86400 }, "≈ 3 j", "4320"],
    [{ kind: "text", value: "0:10" }, "0:10", "0:10"],
  ])("writes %j as %s on the page and %s in the CSV", (cell, page, csv) => {
    expect(cellText(cell, "fr", "page")).toBe(page);
    expect(cellText(cell, "fr", "csv")).toBe(csv);
  });
});
