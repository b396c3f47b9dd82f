import "server-only";
import { isPostgres } from "../db";
import { recordProgressPostgres } from "./progress-postgres";
import type { HeartbeatReport, HeartbeatResult } from "./progress-row";
import { recordProgressSqlite } from "./progress-sqlite";

/**
 * A heartbeat's writes, one writer per engine, on the driver under Prisma (prepared statements, one
 * transaction holding the learner's lock): what the report changes — completion included — is
 * decided by planReport (lib/progress-report-plan.ts); the writers carry the plan out. Prisma 6's
 * query compiler costs 1–5 ms of CPU per query on this machine, and a heartbeat took 7 to 15 of
 * them. The shapes they share are in progress-row.ts.
 */
export function recordHeartbeat(input: HeartbeatReport): Promise<HeartbeatResult> {
  return isPostgres() ? recordProgressPostgres(input) : recordProgressSqlite(input);
}
