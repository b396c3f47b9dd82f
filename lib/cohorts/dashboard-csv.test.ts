import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../../tests/support/fake-programme";
import { CSV_COLUMNS, csvColumns, csvLearnerRecords, csvRecord, decimalComma, itemTitle } from "./dashboard-csv";
import type { Cell, DashboardAssignment, LearnerRow } from "./dashboard";

describe("decimalComma", () => {
  const table: [number, number | undefined, string][] = [
    [0, undefined, "0"],
    [12, undefined, "12"],
    [12.5, undefined, "12,5"],
    [12.54, undefined, "12,5"],
    [12.56, undefined, "12,6"],
    [99.95, undefined, "100"],
    [1234.5, undefined, "1234,5"], // no thousands separator
    [1_000_000, undefined, "1000000"],
    [-3.25, undefined, "-3,2"],
    [3.14159, 2, "3,14"],
    [3.14159, 0, "3"],
    [2 / 3, 1, "0,7"],
    [49.5, 1, "49,5"],
  ];
  it.each(table)("%d (%s digits) → %s", (value, digits, expected) => expect(decimalComma(value, digits)).toBe(expected));

  it("never writes a dot, whatever the value", () => {
    for (let i = 0; i < 1000; i++) expect(decimalComma(i / 7)).not.toContain(".");
  });
});

describe("csvRecord", () => {
  const programme = fakeProgramme();
  const row: LearnerRow = {
    userId: "u1",
    name: "Zoé « la libraire »",
    joinedAt: new Date("2026-11-01T09:00:00Z"),
    lastActivityAt: new Date("2026-12-03T23:30:00Z"), // 00:30 on 12-04 in Paris
    liveSessions: { attendedCount: 1, heldCount: 2 },
    cells: [],
    overdueCount: 0,
    meanPercent: 0,
  };
  const chapter: DashboardAssignment = { id: "a1", itemKind: "chapter", itemId: "ch1", dueKind: "fixed", dueOn: "2026-12-10", dueDays: null };
  const vendor: DashboardAssignment = { id: "a2", itemKind: "module", itemId: "vendor", dueKind: "none", dueOn: null, dueDays: null };
  const watched = new Map([
    ["m1", 100],
    ["twin", 200],
    ["vendor", 50],
    ["m5", 9999], // not in either item
  ]);

  it("writes French words, a decimal comma and Paris days", () => {
    const cell: Cell = { assignmentId: "a1", percent: 66, status: "overdue", dueOn: "2026-12-20", isExtended: true, completedAt: null };
    expect(csvRecord({ row, email: "zoe@exemple.test", cell, assignment: chapter, programme, watchedByModule: watched })).toEqual({
      learner: "Zoé « la libraire »",
      email: "zoe@exemple.test",
      item: "Vendre en ligne",
      itemKind: "Chapitre",
      dueOn: "2026-12-20",
      isExtended: "oui",
      status: "En retard",
      percent: "66",
      watchedMin: "5,8", // (100 + 200 + 50) s = 5.83 min: every module of the chapter, twins included
      completedOn: "",
      lastActivityOn: "2026-12-04",
      liveAttended: "1",
      liveHeld: "2",
    });
  });

  it("a completed module without due day", () => {
    const cell: Cell = { assignmentId: "a2", percent: 100, status: "completed", dueOn: null, isExtended: false, completedAt: new Date("2026-12-01T23:15:00Z") };
    expect(csvRecord({ row: { ...row, lastActivityAt: null }, email: "z@exemple.test", cell, assignment: vendor, programme, watchedByModule: watched })).toMatchObject({
      item: "Chez Amazon",
      itemKind: "Module",
      dueOn: "",
      isExtended: "non",
      status: "Terminé",
      percent: "100",
      watchedMin: "4,2", // vendor 50 s + its twin 200 s
      completedOn: "2026-12-02",
      lastActivityOn: "",
    });
  });

  it.each([
    ["not-started", "Pas commencé"],
    ["in-progress", "En cours"],
  ] as const)("status %s → %s", (status, label) => {
    const cell: Cell = { assignmentId: "a2", percent: 0, status, dueOn: null, isExtended: false, completedAt: null };
    expect(csvRecord({ row, email: "", cell, assignment: vendor, programme, watchedByModule: new Map() })).toMatchObject({ status: label, percent: "0", watchedMin: "0" });
  });

  it("an item that left the programme keeps its id as title", () => expect(itemTitle(programme, { itemKind: "module", itemId: "gone" })).toBe("gone"));

  it("has one column per record field, with French headers", () => {
    expect(csvColumns().map((c) => c.key)).toEqual(CSV_COLUMNS.map((c) => c.key));
    expect(csvColumns().map((c) => c.header)).toEqual([
      "Apprenant·e",
      "E-mail",
      "Élément assigné",
      "Type",
      "Échéance",
      "Échéance prolongée",
      "Statut",
      "Avancement (%)",
      "Temps regardé (min)",
      "Terminé le",
      "Dernière activité",
      "Sessions en direct suivies",
      "Sessions en direct tenues",
    ]);
    const cell: Cell = { assignmentId: "a2", percent: 0, status: "not-started", dueOn: null, isExtended: false, completedAt: null };
    expect(Object.keys(csvRecord({ row, email: "", cell, assignment: vendor, programme, watchedByModule: new Map() }))).toEqual(CSV_COLUMNS.map((c) => c.key));
  });

  describe("csvLearnerRecords", () => {
    const cellOf = (assignmentId: string): Cell => ({ assignmentId, percent: 0, status: "not-started", dueOn: null, isExtended: false, completedAt: null });
    const table: [string, LearnerRow, DashboardAssignment[], { item: string; liveAttended: string; liveHeld: string }[]][] = [
      ["one line per assignment, the live sessions on each", { ...row, cells: [cellOf("a1"), cellOf("a2")] }, [chapter, vendor], [
        { item: "Vendre en ligne", liveAttended: "1", liveHeld: "2" },
        { item: "Chez Amazon", liveAttended: "1", liveHeld: "2" },
      ]],
      ["no assignment: one line, its assignment columns empty", row, [], [{ item: "", liveAttended: "1", liveHeld: "2" }]],
      ["no session held: 0 of 0", { ...row, liveSessions: { attendedCount: 0, heldCount: 0 }, cells: [cellOf("a2")] }, [vendor], [{ item: "Chez Amazon", liveAttended: "0", liveHeld: "0" }]],
    ];
    it.each(table)("%s", (_name, learner, assignments, expected) => {
      const records = csvLearnerRecords({ row: learner, email: "zoe@exemple.test", assignments, programme, watchedByModule: new Map() });
      expect(records).toMatchObject(expected.map((e) => ({ learner: learner.name, email: "zoe@exemple.test", lastActivityOn: "2026-12-04", ...e })));
      for (const record of records) expect(Object.keys(record)).toEqual(CSV_COLUMNS.map((c) => c.key));
    });

    it("a line without assignment leaves every assignment column empty", () => {
      expect(csvLearnerRecords({ row, email: "z@exemple.test", assignments: [], programme, watchedByModule: new Map() })[0]).toEqual({
        learner: "Zoé « la libraire »",
        email: "z@exemple.test",
        item: "",
        itemKind: "",
        dueOn: "",
        isExtended: "",
        status: "",
        percent: "",
        watchedMin: "",
        completedOn: "",
        lastActivityOn: "2026-12-04",
        liveAttended: "1",
        liveHeld: "2",
      });
    });
  });
});
