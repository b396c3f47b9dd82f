import type { trainerFr } from "./trainer.fr";

/** English messages of the trainer screens: the same keys as trainer.fr.ts. */
export const trainerEn: Record<keyof typeof trainerFr, string> = {
};
