import { AppError } from "@/lib/errors";
import { parsePackageFileName } from "@/lib/packages/course";
import { getProgramme } from "@/server/content";
import { route } from "@/server/http";
import { getPackage } from "@/server/packages";

/**
 * A package of the programme for another LMS (« Réutiliser le programme », /reuse): SCORM 1.2, the
 * whole programme or a chapter, on either path. Public, like the programme; built once per process
 * (server/packages). Any other name: not found.
 */
export const GET = route<{ file: string }>(async (_request, { params }) => {
  const asked = parsePackageFileName((await params).file, getProgramme().chapters.map((c) => c.id));
  const built = asked && (await getPackage(asked.format, asked.scope, asked.path));
  if (!built) throw new AppError("NOT_FOUND");
  return new Response(Buffer.from(built.bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${built.fileName}"`,
      "content-length": String(built.bytes.byteLength),
      "cache-control": "public, max-age=300",
    },
  });
});
