import { AppError } from "@/lib/errors";
import { formatVtt } from "@/lib/content/vtt";
import { getModule } from "@/server/content";
import { route } from "@/server/http";

/** A module's timed transcript as WebVTT, for the <track> of a real video. Public, like the programme. */
export const GET = route<{ moduleId: string }>(async (_request, { params }) => {
  const module = getModule((await params).moduleId);
  if (!module) throw new AppError("NOT_FOUND");
  return new Response(formatVtt(module.cues), { headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": "public, max-age=300" } });
});
