import { getKeptChapterPlans } from "@/server/content";
import { route } from "@/server/http";

/**
 * What keeping each chapter offline takes, with the content's version (lib/offline-keep.ts): the
 * pages read it to keep the whole programme and to refresh the copies kept before the content
 * changed. Public, like the programme; never stored by the browser, so a new version is seen at once.
 */
export const GET = route(async () => Response.json({ chapters: getKeptChapterPlans() }, { headers: { "cache-control": "no-store" } }));
