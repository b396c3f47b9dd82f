import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../../tests/support/fake-programme";
import { assignmentStatus, daysLeft, dueDayFor, itemProgress, itemSlots, type DueRule, type ModuleFacts } from "./assignments";

const programme = fakeProgramme();
const durations = new Map([...programme.modulesById.values()].map((m) => [m.id, m.durationS]));
const done = (day: string): ModuleFacts => ({ watchedS: 0, completedAt: new Date(`${day}T10:00:00Z`) });
const watched = (watchedS: number): ModuleFacts => ({ watchedS, completedAt: null });

describe("dueDayFor", () => {
  const none: DueRule = { dueKind: "none", dueOn: null, dueDays: null };
  const fixed: DueRule = { dueKind: "fixed", dueOn: "2026-12-10", dueDays: null };
  const relative = (dueDays: number): DueRule => ({ dueKind: "relative", dueOn: null, dueDays });
  const table: [string, DueRule, string, string | null, string | null][] = [
    ["no due rule", none, "2026-11-02", null, null],
    ["fixed: the same day whenever one joined", fixed, "2026-11-02", null, "2026-12-10"],
    ["fixed, joined after the due day", fixed, "2026-12-20", null, "2026-12-10"],
    ["relative: N days after joining", relative(14), "2026-11-02", null, "2026-11-16"],
    ["relative: 1 day", relative(1), "2026-11-02", null, "2026-11-03"],
    ["relative, across a month end", relative(10), "2026-01-25", null, "2026-02-04"],
    ["relative, across the year end", relative(7), "2026-12-28", null, "2027-01-04"],
    ["relative, across a leap day", relative(2), "2028-02-28", null, "2028-03-01"],
    ["relative, across the spring DST change", relative(2), "2026-03-28", null, "2026-03-30"],
    ["relative, 365 days", relative(365), "2026-03-01", null, "2027-03-01"],
    ["relative without a number of days", { dueKind: "relative", dueOn: null, dueDays: null }, "2026-11-02", null, null],
    ["an extension overrides a fixed day", fixed, "2026-11-02", "2026-12-24", "2026-12-24"],
    ["an extension overrides a relative day", relative(14), "2026-11-02", "2026-12-01", "2026-12-01"],
    ["an extension applies even without a due rule", none, "2026-11-02", "2026-12-01", "2026-12-01"],
  ];
  it.each(table)("%s", (_name, rule, joinedOn, extensionOn, expected) => expect(dueDayFor(rule, joinedOn, extensionOn)).toBe(expected));
});

describe("itemSlots", () => {
  const table: [string, "chapter" | "module", string, string[][]][] = [
    ["a chapter: one step per module, the vendor module and its twin as one", "chapter", "ch1", [["m1"], ["vendor", "twin"], ["m4"]]],
    ["another chapter", "chapter", "ch2", [["m5"]]],
    ["a plain module", "module", "m1", [["m1"]]],
    ["a vendor module: itself or its neutral twin", "module", "vendor", [["vendor", "twin"]]],
    ["a neutral twin: the same step as its vendor module", "module", "twin", [["vendor", "twin"]]],
    ["an unknown module", "module", "nope", []],
    ["an unknown chapter", "chapter", "nope", []],
    ["a module id given as a chapter", "chapter", "m1", []],
  ];
  it.each(table)("%s", (_name, itemKind, itemId, expected) => expect(itemSlots(programme, { itemKind, itemId })).toEqual(expected));
});

describe("itemProgress", () => {
  const chapter = itemSlots(programme, { itemKind: "chapter", itemId: "ch1" });
  const vendorStep = itemSlots(programme, { itemKind: "module", itemId: "vendor" });
  const twinStep = itemSlots(programme, { itemKind: "module", itemId: "twin" });
  type Row = [string, string[][], [string, ModuleFacts][], { percent: number; completedStepCount: number; isDone: boolean; isStarted: boolean; completedAt: Date | null }];
  const table: Row[] = [
    ["nothing opened", chapter, [], { percent: 0, completedStepCount: 0, isDone: false, isStarted: false, completedAt: null }],
    ["opened, nothing watched", chapter, [["m1", watched(0)]], { percent: 0, completedStepCount: 0, isDone: false, isStarted: true, completedAt: null }],
    ["half of one module of three", chapter, [["m1", watched(50)]], { percent: 16, completedStepCount: 0, isDone: false, isStarted: true, completedAt: null }],
    ["one step of three done", chapter, [["m1", done("2026-12-01")]], { percent: 33, completedStepCount: 1, isDone: false, isStarted: true, completedAt: null }],
    [
      "a step done by the neutral twin instead of the vendor module",
      chapter,
      [["m1", done("2026-12-01")], ["twin", done("2026-12-02")]],
      { percent: 66, completedStepCount: 2, isDone: false, isStarted: true, completedAt: null },
    ],
    [
      "everything done: 100 %, completed when the last step was",
      chapter,
      [["m1", done("2026-12-01")], ["vendor", done("2026-12-05")], ["m4", done("2026-12-03")]],
      { percent: 100, completedStepCount: 3, isDone: true, isStarted: true, completedAt: new Date("2026-12-05T10:00:00Z") },
    ],
    [
      "both twins done: the step counts once, from the earlier completion",
      chapter,
      [["m1", done("2026-12-01")], ["vendor", done("2026-12-09")], ["twin", done("2026-12-02")], ["m4", done("2026-12-03")]],
      { percent: 100, completedStepCount: 3, isDone: true, isStarted: true, completedAt: new Date("2026-12-03T10:00:00Z") },
    ],
    ["a vendor module assigned, its twin completed", vendorStep, [["twin", done("2026-12-02")]], { percent: 100, completedStepCount: 1, isDone: true, isStarted: true, completedAt: new Date("2026-12-02T10:00:00Z") }],
    ["a twin assigned, the vendor module completed", twinStep, [["vendor", done("2026-12-02")]], { percent: 100, completedStepCount: 1, isDone: true, isStarted: true, completedAt: new Date("2026-12-02T10:00:00Z") }],
    ["the better share of the two twins counts", vendorStep, [["vendor", watched(50)], ["twin", watched(200)]], { percent: 50, completedStepCount: 0, isDone: false, isStarted: true, completedAt: null }],
    ["fully watched without the quiz: capped at 99 %", vendorStep, [["vendor", watched(200)]], { percent: 99, completedStepCount: 0, isDone: false, isStarted: true, completedAt: null }],
    ["watched seconds beyond the duration do not count twice", vendorStep, [["vendor", watched(10_000)]], { percent: 99, completedStepCount: 0, isDone: false, isStarted: true, completedAt: null }],
    [
      "all but one step done, the last fully watched: still 99 %",
      chapter,
      [["m1", done("2026-12-01")], ["twin", done("2026-12-01")], ["m4", watched(300)]],
      { percent: 99, completedStepCount: 2, isDone: false, isStarted: true, completedAt: null },
    ],
    ["a module outside the item is ignored", vendorStep, [["m1", done("2026-12-01")]], { percent: 0, completedStepCount: 0, isDone: false, isStarted: false, completedAt: null }],
    ["an item without steps is never done", [], [["m1", done("2026-12-01")]], { percent: 0, completedStepCount: 0, isDone: false, isStarted: false, completedAt: null }],
  ];
  it.each(table)("%s", (_name, slots, facts, expected) => expect(itemProgress(slots, durations, new Map(facts))).toEqual({ stepCount: slots.length, ...expected }));
});

describe("assignmentStatus", () => {
  const notStarted = { isDone: false, isStarted: false };
  const started = { isDone: false, isStarted: true };
  const finished = { isDone: true, isStarted: true };
  const table: [string, { isDone: boolean; isStarted: boolean }, string | null, string, string][] = [
    ["not started, no due day", notStarted, null, "2030-01-01", "not-started"],
    ["started, no due day", started, null, "2030-01-01", "in-progress"],
    ["not started, due in 3 days", notStarted, "2026-12-10", "2026-12-07", "not-started"],
    ["not started, due today: not overdue yet", notStarted, "2026-12-10", "2026-12-10", "not-started"],
    ["started, due today: not overdue yet", started, "2026-12-10", "2026-12-10", "in-progress"],
    ["not started, the day after: overdue", notStarted, "2026-12-10", "2026-12-11", "overdue"],
    ["started, the day after: overdue", started, "2026-12-10", "2026-12-11", "overdue"],
    ["a month late", started, "2026-12-10", "2027-01-10", "overdue"],
    ["done on time", finished, "2026-12-10", "2026-12-09", "completed"],
    ["done, even late, is completed", finished, "2026-12-10", "2027-01-10", "completed"],
  ];
  it.each(table)("%s → %s", (_name, progress, dueOn, today, expected) => expect(assignmentStatus(progress, dueOn, today)).toBe(expected));
});

describe("daysLeft", () => {
  it.each([
    ["2026-12-10", "2026-12-07", 3],
    ["2026-12-10", "2026-12-10", 0],
    ["2026-12-10", "2026-12-12", -2],
    [null, "2026-12-12", null],
  ] as const)("due %s, today %s → %s", (dueOn, today, expected) => expect(daysLeft(dueOn, today)).toBe(expected));
});
