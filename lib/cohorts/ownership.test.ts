import { describe, expect, it } from "vitest";
import { successorOwner, type CohortTrainer } from "./ownership";

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const trainer = (userId: string, joinedOn: number, canTrain = true): CohortTrainer => ({ userId, joinedAt: day(joinedOn), canTrain });

describe("successorOwner: who is responsible for a cohort when its owner leaves", () => {
  it.each<[string, CohortTrainer[], string | null]>([
    ["no other trainer: nobody", [trainer("owner", 1)], null],
    ["one co-trainer: them", [trainer("owner", 1), trainer("b", 3)], "b"],
    ["the co-trainer who joined first", [trainer("owner", 1), trainer("late", 9), trainer("early", 2), trainer("mid", 5)], "early"],
    ["not one who can no longer train (their account is not a trainer's)", [trainer("owner", 1), trainer("demoted", 2, false), trainer("c", 4)], "c"],
    ["nobody when no co-trainer can train", [trainer("owner", 1), trainer("demoted", 2, false)], null],
    ["joined the same instant: the smaller id, the same on every instance", [trainer("owner", 1), trainer("zz", 3), trainer("aa", 3)], "aa"],
    ["the leaving owner is never their own successor, even listed first", [trainer("owner", 0), trainer("b", 7)], "b"],
  ])("%s", (_label, trainers, expected) => {
    expect(successorOwner(trainers, "owner")).toBe(expected);
  });

  it("does not reorder the list it is given", () => {
    const trainers = [trainer("owner", 1), trainer("late", 9), trainer("early", 2)];
    successorOwner(trainers, "owner");
    expect(trainers.map((t) => t.userId)).toEqual(["owner", "late", "early"]);
  });
});
