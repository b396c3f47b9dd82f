/** French messages of the learner screens (merged into lib/i18n/fr.ts). */
export const learnerFr = {
} as const;
