import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../calendar-day";
import { decideReminder, digestEmailKey, reminderEmailKey, type ReminderKind, type SentReminder } from "./reminders";

/**
 * The clock moving forward one day at a time, as the scheduler sees it: each day's decision is
 * recorded (like the Reminder table) and fed back the next day. `situation(day)` gives that day's
 * due day and whether the learner is done. Returns the days on which something was decided.
 */
function simulate(from: string, to: string, situation: (day: string) => { dueOn: string | null; isDone?: boolean }, daysBefore = 3, roundsPerDay = 1) {
  const sent: SentReminder[] = [];
  const decided: Record<string, ReminderKind> = {};
  for (let day = from; daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    for (let round = 0; round < roundsPerDay; round++) {
      const { dueOn, isDone = false } = situation(day);
      const kind = decideReminder({ today: day, dueOn, isDone, daysBefore, sent });
      if (kind) {
        expect(decided[day], `two reminders on ${day}`).toBeUndefined();
        decided[day] = kind;
        sent.push({ kind, day });
      }
    }
  }
  return decided;
}

describe("decideReminder, one day at a time", () => {
  it("due 2026-12-10, 3 days before: due-soon once on 12-07, overdue on 12-11, then weekly", () => {
    expect(simulate("2026-12-01", "2027-01-02", () => ({ dueOn: "2026-12-10" }))).toEqual({
      "2026-12-07": "due-soon",
      "2026-12-11": "overdue",
      "2026-12-18": "overdue",
      "2026-12-25": "overdue",
      "2027-01-01": "overdue",
    });
  });

  it("several rounds a day decide each reminder once", () => {
    expect(simulate("2026-12-01", "2026-12-20", () => ({ dueOn: "2026-12-10" }), 3, 4)).toEqual({
      "2026-12-07": "due-soon",
      "2026-12-11": "overdue",
      "2026-12-18": "overdue",
    });
  });

  it.each([
    [0, { "2026-12-10": "due-soon", "2026-12-11": "overdue" }],
    [1, { "2026-12-09": "due-soon", "2026-12-11": "overdue" }],
    [7, { "2026-12-03": "due-soon", "2026-12-11": "overdue" }],
  ])("with daysBefore = %d", (daysBefore, expected) =>
    expect(simulate("2026-12-01", "2026-12-12", () => ({ dueOn: "2026-12-10" }), daysBefore)).toEqual(expected),
  );

  it("a learner who joins inside the window gets the due-soon reminder on their first day", () => {
    expect(simulate("2026-12-09", "2026-12-12", () => ({ dueOn: "2026-12-10" }))).toEqual({ "2026-12-09": "due-soon", "2026-12-11": "overdue" });
  });

  it("a learner who joins after the due day gets the overdue reminder at once", () => {
    expect(simulate("2026-12-15", "2026-12-23", () => ({ dueOn: "2026-12-10" }))).toEqual({ "2026-12-15": "overdue", "2026-12-22": "overdue" });
  });

  it("nothing once done, even when it was overdue", () => {
    expect(simulate("2026-12-01", "2027-01-31", (day) => ({ dueOn: "2026-12-10", isDone: day >= "2026-12-15" }))).toEqual({
      "2026-12-07": "due-soon",
      "2026-12-11": "overdue",
    });
  });

  it("nothing for an assignment done before its window", () => {
    expect(simulate("2026-12-01", "2027-01-31", () => ({ dueOn: "2026-12-10", isDone: true }))).toEqual({});
  });

  it("nothing without a due day", () => {
    expect(simulate("2026-12-01", "2027-01-31", () => ({ dueOn: null }))).toEqual({});
  });

  it("an extension to a later day after the due-soon reminder: due-soon again before the new day", () => {
    // Extended on 12-08 to 12-20.
    expect(simulate("2026-12-01", "2026-12-28", (day) => ({ dueOn: day >= "2026-12-08" ? "2026-12-20" : "2026-12-10" }))).toEqual({
      "2026-12-07": "due-soon",
      "2026-12-17": "due-soon",
      "2026-12-21": "overdue",
      "2026-12-28": "overdue",
    });
  });

  it("an extension given while overdue: quiet until the new day, then overdue again at once", () => {
    // Overdue from 12-11; extended on 12-13 to 12-31 (due-soon on 12-28, overdue on 2027-01-01).
    expect(simulate("2026-12-01", "2027-01-08", (day) => ({ dueOn: day >= "2026-12-13" ? "2026-12-31" : "2026-12-10" }))).toEqual({
      "2026-12-07": "due-soon",
      "2026-12-11": "overdue",
      "2026-12-28": "due-soon",
      "2027-01-01": "overdue",
      "2027-01-08": "overdue",
    });
  });
});

describe("decideReminder, single decisions", () => {
  const base = { dueOn: "2026-12-10", isDone: false, daysBefore: 3 };
  const table: [string, string, SentReminder[], ReminderKind | null][] = [
    ["4 days before", "2026-12-06", [], null],
    ["3 days before", "2026-12-07", [], "due-soon"],
    ["on the due day, nothing sent yet", "2026-12-10", [], "due-soon"],
    ["on the due day, due-soon already sent", "2026-12-10", [{ kind: "due-soon", day: "2026-12-07" }], null],
    ["first overdue day", "2026-12-11", [{ kind: "due-soon", day: "2026-12-07" }], "overdue"],
    ["6 days after the last overdue reminder", "2026-12-17", [{ kind: "overdue", day: "2026-12-11" }], null],
    ["7 days after the last overdue reminder", "2026-12-18", [{ kind: "overdue", day: "2026-12-11" }], "overdue"],
    ["the latest overdue reminder counts, whatever the order", "2026-12-24", [{ kind: "overdue", day: "2026-12-18" }, { kind: "overdue", day: "2026-12-11" }], null],
    ["an overdue reminder for an earlier due day does not count", "2026-12-11", [{ kind: "overdue", day: "2026-12-05" }], "overdue"],
  ];
  it.each(table)("%s", (_name, today, sent, expected) => expect(decideReminder({ ...base, today, sent })).toBe(expected));
});

describe("e-mail keys", () => {
  it("one reminder e-mail a day per learner", () => {
    expect(reminderEmailKey("u1", "2026-12-10")).toBe(reminderEmailKey("u1", "2026-12-10"));
    expect(reminderEmailKey("u1", "2026-12-10")).not.toBe(reminderEmailKey("u1", "2026-12-11"));
    expect(reminderEmailKey("u1", "2026-12-10")).not.toBe(reminderEmailKey("u2", "2026-12-10"));
  });

  const weeks: [string, string, boolean][] = [
    ["2026-12-07", "2026-12-13", true], // Monday and Sunday of one week
    ["2026-12-10", "2026-12-13", true],
    ["2026-12-13", "2026-12-14", false], // Sunday → Monday: a new week
    ["2026-12-31", "2027-01-03", true], // a week across the year end
    ["2026-12-27", "2026-12-28", false],
  ];
  it.each(weeks)("digest key on %s and %s: same week = %s", (a, b, same) => expect(digestEmailKey("t1", a) === digestEmailKey("t1", b)).toBe(same));

  it("a digest key per trainer", () => expect(digestEmailKey("t1", "2026-12-10")).not.toBe(digestEmailKey("t2", "2026-12-10")));
});
