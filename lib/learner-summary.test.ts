import { describe, expect, it } from "vitest";
import { assembleProgramme, type ContentFiles } from "./content/assemble";
import { summarizeLearner, type ModuleState } from "./learner-summary";

const words = Array.from({ length: 500 }, (_, i) => `mot${i}`).join(" ");
const files: ContentFiles = {
  comparisons: [],
  chapters: [1, 2].map((c) => ({
    file: `c${c}`,
    data: { id: `c${c}`, order: c, title: { fr: "t", en: "t" }, summary: { fr: "s", en: "s" } },
    modules: ["a", "v", "n"].map((m, i) => ({
      file: `c${c}${m}`,
      data: {
        id: `c${c}-${m}`, order: i + 1, kind: "tutoriel" as const, durationS: 200,
        title: { fr: m, en: m }, summary: { fr: "s", en: "s" }, objectives: ["o", "p"], keyPoints: ["k", "l", "m"], quiz: [],
        ...(m === "v" ? { vendor: "amazon" as const, neutralTwin: `c${c}-n` } : {}),
      },
      cues: [{ startS: 1, endS: 199, text: words }],
    })),
  })),
};
const { programme } = assembleProgramme(files, new Date("2026-11-24"));
const state = (status: ModuleState["status"], watchedS: number, minute = 0): ModuleState => ({ status, watchedS, updatedAt: new Date(Date.UTC(2026, 10, 24, 10, minute)) });

describe("summarizeLearner", () => {
  it("a new learner: nothing done, resume at the first module", () => {
    const summary = summarizeLearner(programme, new Map(), false);
    expect(summary).toMatchObject({ stepCount: 4, completedStepCount: 0, watchedS: 0, isComplete: false });
    expect(summary.resume?.id).toBe("c1-a");
  });

  it("counts a vendor module and its twin as one step, and resumes the latest module in progress", () => {
    const states = new Map([
      ["c1-a", state("completed", 200)],
      ["c1-n", state("completed", 190)],
      ["c2-a", state("in-progress", 50, 5)],
      ["c2-n", state("in-progress", 20, 9)],
    ]);
    const standard = summarizeLearner(programme, states, false);
    expect(standard.chapters[0]).toMatchObject({ stepCount: 2, completedStepCount: 2, pathDurationS: 600, watchedS: 390 });
    expect(standard.completedStepCount).toBe(2);
    expect(standard.resume?.id).toBe("c2-n");
    expect(standard.timeSpentS).toBe(460);
    const neutral = summarizeLearner(programme, states, true);
    expect(neutral.chapters[0]).toMatchObject({ pathDurationS: 400, watchedS: 390 });
    expect(neutral.chapters[0]!.modules.map((m) => m.module.id)).toEqual(["c1-a", "c1-n"]);
  });

  it("skips a step done through the other module when choosing what comes next", () => {
    const states = new Map([
      ["c1-a", state("completed", 200)],
      ["c1-n", state("completed", 200)],
    ]);
    expect(summarizeLearner(programme, states, false).resume?.id).toBe("c2-a");
  });

  it("is complete when every step is", () => {
    const states = new Map(["c1-a", "c1-v", "c2-a", "c2-n"].map((id) => [id, state("completed", 200)]));
    expect(summarizeLearner(programme, states, true)).toMatchObject({ isComplete: true, completedStepCount: 4 });
  });
});
