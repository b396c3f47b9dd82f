/** French messages of the trainer screens (merged into lib/i18n/fr.ts). */
export const trainerFr = {
} as const;
