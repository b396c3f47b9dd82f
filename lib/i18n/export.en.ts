import type { exportFr } from "./export.fr";

export const exportEn: Record<keyof typeof exportFr, string> = {};
