/** Account messages (issue 10). French is the reference. */
export const accountFr = {} as const;
