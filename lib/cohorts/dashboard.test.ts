import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../../tests/support/fake-programme";
import { buildDashboard, filterRows, liveAttendanceOf, median, NO_LIVE_ATTENDANCE, sortRows, type Cell, type DashboardAssignment, type LearnerRow, type ProgressFact } from "./dashboard";

describe("median", () => {
  const table: [number[], number][] = [
    [[], 0],
    [[42], 42],
    [[10, 30], 20],
    [[30, 10, 20], 20], // odd, unsorted
    [[0, 100, 50, 25], 37.5], // even, unsorted
    [[5, 1, 1, 1, 100], 1],
    [[99, 100, 0, 0], 49.5],
  ];
  it.each(table)("%j → %d", (values, expected) => expect(median(values)).toBe(expected));

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("buildDashboard", () => {
  const programme = fakeProgramme();
  const assignments: DashboardAssignment[] = [
    { id: "a-chapter", itemKind: "chapter", itemId: "ch1", dueKind: "fixed", dueOn: "2026-12-10", dueDays: null },
    { id: "a-vendor", itemKind: "module", itemId: "vendor", dueKind: "relative", dueOn: null, dueDays: 14 },
    { id: "a-open", itemKind: "module", itemId: "m5", dueKind: "none", dueOn: null, dueDays: null },
  ];
  // Alice joined at 00:30 Paris on 12-01 (still 11-30 in UTC): the relative due day counts from the Paris day.
  const learners = [
    { userId: "u-alice", name: "Alice", joinedAt: new Date("2026-11-30T23:30:00Z") },
    { userId: "u-bruno", name: "Bruno", joinedAt: new Date("2026-11-20T09:00:00Z") },
    { userId: "u-chloe", name: "Chloé", joinedAt: new Date("2026-11-20T09:00:00Z") },
    { userId: "u-david", name: "David", joinedAt: new Date("2026-11-20T09:00:00Z") },
  ];
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  const fact = (userId: string, moduleId: string, watchedS: number, completedOn: string | null): ProgressFact => ({ userId, moduleId, watchedS, completedAt: completedOn ? at(completedOn) : null });
  const facts: ProgressFact[] = [
    // Alice: the whole chapter (through the neutral twin) and the vendor step.
    fact("u-alice", "m1", 100, "2026-12-01"),
    fact("u-alice", "twin", 400, "2026-12-02"),
    fact("u-alice", "m4", 300, "2026-12-03"),
    // Bruno: half of m1 only.
    fact("u-bruno", "m1", 50, null),
    // Chloé: m1 done, the vendor module fully watched (no quiz), m5 done.
    fact("u-chloe", "m1", 100, "2026-12-01"),
    fact("u-chloe", "vendor", 200, null),
    fact("u-chloe", "m5", 600, "2026-12-04"),
    // A module nobody was assigned, and a user outside the cohort: ignored.
    fact("u-david", "unassigned", 10, "2026-12-01"),
    fact("u-stranger", "m1", 100, "2026-12-01"),
  ];
  const extensions = [{ assignmentId: "a-chapter", userId: "u-bruno", dueOn: "2026-12-20" }];
  const lastActivity = new Map([
    ["u-alice", at("2026-12-03")],
    ["u-bruno", at("2026-11-25")],
    ["u-chloe", at("2026-12-04")],
  ]);
  const { rows, summaries } = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, today: "2026-12-12" });
  const cell = (userId: string, assignmentId: string) => rows.find((r) => r.userId === userId)!.cells.find((c) => c.assignmentId === assignmentId)!;

  const cells: [string, string, Partial<Cell>][] = [
    ["u-alice", "a-chapter", { percent: 100, status: "completed", dueOn: "2026-12-10", isExtended: false, completedAt: at("2026-12-03") }],
    ["u-alice", "a-vendor", { percent: 100, status: "completed", dueOn: "2026-12-15", isExtended: false }], // joined 12-01 in Paris
    ["u-alice", "a-open", { percent: 0, status: "not-started", dueOn: null }],
    ["u-bruno", "a-chapter", { percent: 16, status: "in-progress", dueOn: "2026-12-20", isExtended: true, completedAt: null }],
    ["u-chloe", "a-chapter", { percent: 66, status: "overdue", dueOn: "2026-12-10" }], // 1 + 0.99 of 3 steps
    ["u-chloe", "a-vendor", { percent: 99, status: "overdue", dueOn: "2026-12-04" }],
    ["u-chloe", "a-open", { percent: 100, status: "completed", dueOn: null }],
    ["u-david", "a-chapter", { percent: 0, status: "overdue" }],
    ["u-david", "a-open", { percent: 0, status: "not-started" }],
  ];
  it.each(cells)("%s × %s", (userId, assignmentId, expected) =>
    expect(cell(userId, assignmentId)).toMatchObject(expected),
  );

  it("an untouched assignment past its due day is overdue", () => {
    expect(cell("u-bruno", "a-vendor")).toMatchObject({ percent: 0, status: "overdue", dueOn: "2026-12-04", isExtended: false });
  });

  it("counts each learner's overdue items and mean progress, with their last activity", () => {
    expect(rows.map((r) => [r.name, r.overdueCount, Math.round(r.meanPercent * 100) / 100, r.lastActivityAt?.toISOString() ?? null])).toEqual([
      ["Alice", 0, 66.67, "2026-12-03T10:00:00.000Z"],
      ["Bruno", 1, 5.33, "2026-11-25T10:00:00.000Z"],
      ["Chloé", 2, 88.33, "2026-12-04T10:00:00.000Z"],
      ["David", 2, 0, null],
    ]);
  });

  it("summarizes each assignment: learners, completed, overdue, median progress", () => {
    expect(summaries).toEqual([
      { assignmentId: "a-chapter", learnerCount: 4, completedCount: 1, overdueCount: 2, medianPercent: (16 + 66) / 2 },
      { assignmentId: "a-vendor", learnerCount: 4, completedCount: 1, overdueCount: 3, medianPercent: (0 + 99) / 2 },
      { assignmentId: "a-open", learnerCount: 4, completedCount: 1, overdueCount: 0, medianPercent: 0 },
    ]);
  });

  it("a cohort without learners has empty summaries", () => {
    const empty = buildDashboard({ programme, assignments, learners: [], facts, extensions, lastActivity, today: "2026-12-12" });
    expect(empty.rows).toEqual([]);
    expect(empty.summaries.map((s) => [s.learnerCount, s.completedCount, s.overdueCount, s.medianPercent])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it("a learner without assignments has a mean of 0", () => {
    const { rows: onlyLearners } = buildDashboard({ programme, assignments: [], learners, facts, extensions, lastActivity, today: "2026-12-12" });
    expect(onlyLearners.map((r) => [r.cells.length, r.meanPercent, r.overdueCount])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("gives each learner their live sessions attended out of the cohort's sessions held", () => {
    const liveAttendance = liveAttendanceOf([
      { userId: null, count: 3 },
      { userId: "u-alice", count: 2 },
      { userId: "u-chloe", count: "3" },
      { userId: "u-stranger", count: 1 }, // not a learner of the cohort: no row
    ]);
    const withLive = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, liveAttendance, today: "2026-12-12" });
    expect(withLive.rows.map((r) => [r.name, r.liveSessions.attendedCount, r.liveSessions.heldCount])).toEqual([
      ["Alice", 2, 3],
      ["Bruno", 0, 3],
      ["Chloé", 3, 3],
      ["David", 0, 3],
    ]);
    // Without live sessions (a learner's detail page): 0 of 0 for everyone.
    expect(rows.every((r) => r.liveSessions.attendedCount === 0 && r.liveSessions.heldCount === 0)).toBe(true);
  });
});

describe("liveAttendanceOf", () => {
  const table: [string, Parameters<typeof liveAttendanceOf>[0], number, [string, number][]][] = [
    ["no session held", [], 0, []],
    ["sessions held, nobody present", [{ userId: null, count: 2 }], 2, []],
    ["counts as numbers, text (PostgreSQL's bigint) or bigint", [{ userId: null, count: "4" }, { userId: "u1", count: 3n }, { userId: "u2", count: 1 }], 4, [["u1", 3], ["u2", 1]]],
    ["a learner listed twice adds up", [{ userId: "u1", count: 1 }, { userId: null, count: 2 }, { userId: "u1", count: 1 }], 2, [["u1", 2]]],
  ];
  it.each(table)("%s", (_name, rows, heldCount, attended) => {
    const result = liveAttendanceOf(rows);
    expect(result.heldCount).toBe(heldCount);
    expect([...result.attendedByUser]).toEqual(attended);
  });

  it("nothing held is the default", () => expect(NO_LIVE_ATTENDANCE).toEqual({ heldCount: 0, attendedByUser: new Map() }));
});

describe("sortRows and filterRows", () => {
  const row = (name: string, statuses: Cell["status"][], meanPercent: number, lastActivity: string | null, userId = `u-${name}`): LearnerRow => ({
    userId,
    name,
    joinedAt: new Date("2026-11-01T00:00:00Z"),
    lastActivityAt: lastActivity ? new Date(lastActivity) : null,
    liveSessions: { attendedCount: 0, heldCount: 0 },
    cells: statuses.map((status, i) => ({ assignmentId: `a${i}`, percent: 0, status, dueOn: null, isExtended: false, completedAt: null })),
    overdueCount: statuses.filter((s) => s === "overdue").length,
    meanPercent,
  });
  const rows = [
    row("émile", ["completed", "completed"], 100, "2026-12-05T00:00:00Z"),
    row("Zoé", ["overdue", "in-progress"], 40, "2026-12-01T00:00:00Z"),
    row("Adam", ["overdue", "overdue"], 50, "2026-12-02T00:00:00Z"),
    row("bruno", ["not-started", "in-progress"], 10, null),
    row("Carla", ["not-started", "in-progress"], 10, "2026-11-01T00:00:00Z"),
    row("Denis", ["overdue", "not-started"], 40, "2026-12-01T00:00:00Z"),
    row("Nadia", [], 0, null),
  ];

  const sorts: [string, "behind" | "name", string[]][] = [
    // Most overdue first; then lowest mean; then longest without activity (never = longest); then name.
    ["behind", "behind", ["Adam", "Denis", "Zoé", "Nadia", "bruno", "Carla", "émile"]],
    // French alphabetical order: case and accents do not matter.
    ["name", "name", ["Adam", "bruno", "Carla", "Denis", "émile", "Nadia", "Zoé"]],
  ];
  it.each(sorts)("sorted by %s", (_name, sort, expected) => expect(sortRows(rows, sort).map((r) => r.name)).toEqual(expected));

  it("sorting returns a new list and keeps the input", () => {
    const before = rows.map((r) => r.name);
    sortRows(rows, "behind");
    expect(rows.map((r) => r.name)).toEqual(before);
  });

  it("people with the same name are ordered by id, so the order is stable", () => {
    const twins = [row("Marie", [], 0, null, "u-2"), row("Marie", [], 0, null, "u-1")];
    expect(sortRows(twins, "name").map((r) => r.userId)).toEqual(["u-1", "u-2"]);
    expect(sortRows(twins, "behind").map((r) => r.userId)).toEqual(["u-1", "u-2"]);
  });

  const filters: ["all" | "overdue" | "not-started" | "in-progress" | "completed", string[]][] = [
    ["all", ["émile", "Zoé", "Adam", "bruno", "Carla", "Denis", "Nadia"]],
    ["overdue", ["Zoé", "Adam", "Denis"]],
    ["not-started", ["bruno", "Carla", "Denis"]],
    ["in-progress", ["Zoé", "bruno", "Carla"]],
    // Completed means every assignment completed; a learner without assignments is not "completed".
    ["completed", ["émile"]],
  ];
  it.each(filters)("filter %s", (filter, expected) => expect(filterRows(rows, filter).map((r) => r.name)).toEqual(expected));
});
