/** Audit messages (issue 10). French is the reference. */
export const auditFr = {} as const;
