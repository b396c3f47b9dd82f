import type { auditFr } from "./audit.fr";

export const auditEn: Record<keyof typeof auditFr, string> = {};
