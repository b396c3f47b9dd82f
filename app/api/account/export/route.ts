import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { exportFilename, exportLearnerData } from "@/server/data/account-export";
import { route } from "@/server/http";

/** Everything the platform holds about the signed-in user, as one JSON file (GDPR art. 15 and 20). */
export const GET = route(async () => {
  const actor = await requireApiPermission("account:export");
  const at = now();
  const data = await exportLearnerData(actor, at);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFilename("json", at)}"`,
      "cache-control": "no-store",
    },
  });
});
