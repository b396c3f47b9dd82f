import type { accountFr } from "./account.fr";

export const accountEn: Record<keyof typeof accountFr, string> = {};
