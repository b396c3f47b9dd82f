import { NextResponse } from "next/server";
import { countUsers } from "@/server/data/users";
import { route } from "@/server/http";

/** Liveness and database reachability, for the start script and load balancers. Public, no data. */
export const GET = route(async () => {
  await countUsers();
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
});
