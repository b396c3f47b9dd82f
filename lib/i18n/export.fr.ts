/** Export messages (issue 10). French is the reference. */
export const exportFr = {} as const;
