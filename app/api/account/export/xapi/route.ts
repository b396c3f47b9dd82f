import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { exportFilename } from "@/server/data/account-export";
import { exportLearnerStatements } from "@/server/data/account-export-xapi";
import { route } from "@/server/http";

/** The signed-in user's learning record as xAPI 1.0.3 statements (a JSON array), for a Learning Record Store. */
export const GET = route(async () => {
  const actor = await requireApiPermission("account:export");
  const at = now();
  const statements = await exportLearnerStatements(actor, at);
  return new Response(`${JSON.stringify(statements, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFilename("xapi", at)}"`,
      "cache-control": "no-store",
    },
  });
});
