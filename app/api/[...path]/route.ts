import { AppError } from "@/lib/errors";
import { route } from "@/server/http";

/**
 * Any other path under /api/: a 404 with the JSON error body of every API answer (Next.js would
 * answer with the HTML not-found page). The routes above it are more specific and always win.
 */
const notFound = route<{ path: string[] }>(async () => {
  throw new AppError("NOT_FOUND");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
