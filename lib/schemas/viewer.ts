import { z } from "zod";
import { LOCALES } from "@/lib/i18n";

/** GET /api/viewer's query: which programme page, in which language (lib/viewer.ts). */
export const viewerQuerySchema = z.discriminatedUnion("page", [
  z.object({ page: z.literal("home"), locale: z.enum(LOCALES) }),
  z.object({ page: z.literal("chapter"), locale: z.enum(LOCALES), id: z.string().min(1).max(200) }),
  z.object({ page: z.literal("module"), locale: z.enum(LOCALES), id: z.string().min(1).max(200) }),
  z.object({ page: z.literal("progress"), locale: z.enum(LOCALES), joined: z.string().max(200).optional() }),
]);
export type ViewerQuery = z.infer<typeof viewerQuerySchema>;
