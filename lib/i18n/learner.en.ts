import type { learnerFr } from "./learner.fr";

/** English messages of the learner screens: the same keys as learner.fr.ts. */
export const learnerEn: Record<keyof typeof learnerFr, string> = {
};
