/**
 * A learner's progress through the programme, on their path: per chapter and overall, by completed
 * steps (a vendor module and its neutral twin are one step) and by time watched; where to resume.
 */
import { modulesOnPath } from "./content/path";
import type { Chapter, Module, Programme } from "./content/types";
import { chapterSlots, completedSlotCount } from "./course-completion";

export type ModuleState = { status: "not-started" | "in-progress" | "completed"; watchedS: number; updatedAt: Date | null };

export type ChapterSummary = {
  chapter: Chapter;
  modules: { module: Module; state: ModuleState }[];
  stepCount: number;
  completedStepCount: number;
  pathDurationS: number;
  watchedS: number;
};

export type LearnerSummary = {
  chapters: ChapterSummary[];
  stepCount: number;
  completedStepCount: number;
  pathDurationS: number;
  watchedS: number;
  /** Unique seconds watched across every module, on or off the path. */
  timeSpentS: number;
  resume: Module | null;
  isComplete: boolean;
};

const NOT_STARTED: ModuleState = { status: "not-started", watchedS: 0, updatedAt: null };

export function summarizeLearner(programme: Programme, states: ReadonlyMap<string, ModuleState>, isNeutralPath: boolean): LearnerSummary {
  const completed = completedModuleIds(states);
  const stateOf = (module: Module) => states.get(module.id) ?? NOT_STARTED;
  const chapters = programme.chapters.map((chapter) => {
    const modules = modulesOnPath(chapter, programme.modulesById, isNeutralPath).map(({ module }) => ({ module, state: stateOf(module) }));
    return {
      chapter,
      modules,
      stepCount: chapterSlots(chapter).length,
      completedStepCount: completedSlotCount(chapter, completed),
      pathDurationS: modules.reduce((sum, m) => sum + m.module.durationS, 0),
      watchedS: modules.reduce((sum, m) => sum + Math.min(m.state.watchedS, m.module.durationS), 0),
    };
  });
  const inProgress = [...states]
    .filter(([id, s]) => s.status === "in-progress" && programme.modulesById.has(id))
    .sort((a, b) => (b[1].updatedAt?.getTime() ?? 0) - (a[1].updatedAt?.getTime() ?? 0));
  const nextNotStarted = chapters.flatMap((c) => c.modules).find((m) => m.state.status === "not-started" && !isStepDone(m.module, completed));
  const resume = inProgress.length ? programme.modulesById.get(inProgress[0]![0])! : (nextNotStarted?.module ?? null);
  const stepCount = chapters.reduce((s, c) => s + c.stepCount, 0);
  const completedStepCount = chapters.reduce((s, c) => s + c.completedStepCount, 0);
  return {
    chapters,
    stepCount,
    completedStepCount,
    pathDurationS: chapters.reduce((s, c) => s + c.pathDurationS, 0),
    watchedS: chapters.reduce((s, c) => s + c.watchedS, 0),
    timeSpentS: [...states.values()].reduce((s, state) => s + state.watchedS, 0),
    resume,
    isComplete: completedStepCount === stepCount,
  };
}

/** A module whose step is already done through its vendor module or twin is not "next". */
function isStepDone(module: Module, completed: ReadonlySet<string>): boolean {
  return completed.has(module.id) || (!!module.neutralTwinId && completed.has(module.neutralTwinId)) || (!!module.replacesId && completed.has(module.replacesId));
}

export function completedModuleIds(states: ReadonlyMap<string, ModuleState> | undefined): Set<string> {
  return new Set([...(states ?? [])].filter(([, s]) => s.status === "completed").map(([id]) => id));
}
