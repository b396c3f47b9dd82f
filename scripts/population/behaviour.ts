// How a synthetic learner behaves inside a module: where they leave, what they skip, how many quiz
// attempts they need, which modules of a step they take. Pure functions of the generator's draws.
import type { Module, Programme } from "@/lib/content/types";
import { modulesOnPath } from "@/lib/content/path";
import { mergeIntervals, type Interval } from "@/lib/progress";
import { hashUnit, type Rng } from "./random";

export type ModuleTraits = { hotspot: number; firstTryPass: number };

/** Where a module loses people (a share of its length) and how hard its quiz is: fixed per module. */
export function traitsOf(module: Module): ModuleTraits {
  return { hotspot: 0.3 + 0.5 * hashUnit(`${module.id}:hotspot`), firstTryPass: 0.58 + 0.27 * hashUnit(`${module.id}:quiz`) };
}

/** The share of a module watched before leaving it: many leave early, some at the module's weak spot, the rest anywhere. */
function leavingShare(rng: Rng, traits: ModuleTraits): number {
  const r = rng.next();
  if (r < 0.35) return rng.between(0.02, 0.15);
  if (r < 0.55) return Math.min(0.88, Math.max(0.05, traits.hotspot + rng.between(-0.04, 0.04)));
  return rng.between(0.05, 0.88);
}

/** Seconds to a tenth, as the server stores them. */
export const tenth = (s: number) => Math.round(s * 10) / 10;

export type Watch = "full" | "skip" | "partial";

export function watchedIntervals(rng: Rng, kind: Watch, durationS: number, traits: ModuleTraits): Interval[] {
  if (kind === "full") return [[0, durationS]];
  if (kind === "skip") {
    // Jumped over a short passage (2–8 %), still watched enough.
    const length = durationS * rng.between(0.02, 0.08);
    const start = rng.between(0.1, 0.85) * durationS;
    return mergeIntervals([
      [0, tenth(start)],
      [tenth(start + length), durationS],
    ]);
  }
  const end = tenth(durationS * leavingShare(rng, traits));
  if (end > 30 && rng.chance(0.2)) {
    // Skipped a little on the way before leaving.
    const a = tenth(end * rng.between(0.3, 0.7));
    return mergeIntervals([
      [0, a],
      [tenth(a + Math.min(8, (end - a) / 2)), end],
    ]);
  }
  return [[0, end]];
}

/** How many attempts, and whether the last one passed (those who may give up sometimes stop after failing). */
export function attemptsToPass(rng: Rng, traits: ModuleTraits, givesUp: boolean): { attempts: number; passed: boolean } {
  const r = rng.next();
  if (r < traits.firstTryPass) return { attempts: 1, passed: true };
  const rest = (r - traits.firstTryPass) / (1 - traits.firstTryPass);
  if (givesUp && rest < 0.12) return { attempts: 1 + rng.int(2), passed: false };
  if (rest < 0.72) return { attempts: 2, passed: true };
  if (rest < 0.95) return { attempts: 3, passed: true };
  return { attempts: 4, passed: true };
}

/** Answers that grade as a pass (all right, or one wrong) or as a fail. */
export function answersFor(rng: Rng, module: Module, pass: boolean): number[] {
  const total = module.quiz.length;
  const passing = Math.ceil((2 * total) / 3);
  const wrongCount = pass ? (rng.chance(0.6) ? 0 : Math.min(1, total - passing)) : total - passing + 1 + rng.int(passing);
  const wrong = new Set<number>();
  while (wrong.size < Math.min(total, wrongCount)) wrong.add(rng.int(total));
  return module.quiz.map((q, i) => (wrong.has(i) ? (q.answer + 1 + rng.int(q.choices.length - 1)) % q.choices.length : q.answer));
}

export type Plan = { module: Module; chapterIndex: number };

/** The modules a learner takes, in order: their path, with a detour now and then to the other module of a step. */
export function learnerModules(rng: Rng, programme: Programme, isNeutral: boolean): Plan[] {
  const plan: Plan[] = [];
  programme.chapters.forEach((chapter, chapterIndex) => {
    for (const item of modulesOnPath(chapter, programme.modulesById, isNeutral)) {
      const other = isNeutral ? item.replaces : item.module.neutralTwinId ? programme.modulesById.get(item.module.neutralTwinId)! : null;
      if (item.module.replacesId && !isNeutral) continue; // the twin, listed after its vendor module: decided with it
      if (!other) {
        plan.push({ module: item.module, chapterIndex });
        continue;
      }
      const r = rng.next();
      if (isNeutral) {
        plan.push({ module: item.module, chapterIndex });
        if (r < 0.04) plan.push({ module: other, chapterIndex }); // curious about the vendor's module too
      } else if (r < 0.12) {
        plan.push({ module: other, chapterIndex }); // prefers the neutral module for this step
      } else {
        plan.push({ module: item.module, chapterIndex });
        if (r < 0.37) plan.push({ module: other, chapterIndex }); // watches both, as listed
      }
    }
  });
  return plan;
}
