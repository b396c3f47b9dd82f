import "server-only";
import { isPostgres } from "../db";
import { recordProgressPostgres } from "./progress-postgres";
import type { FastReport, FastResult } from "./progress-row";
import { recordProgressSqlite } from "./progress-sqlite";

/**
 * The heartbeat's hot path, one per engine, on the driver under Prisma (prepared statements, one
 * transaction holding the learner's lock): what the report changes is decided by planReport
 * (lib/progress-report-plan.ts), the same arithmetic as the full path in progress.ts. Prisma 6's
 * query compiler costs 1–5 ms of CPU per query on this machine, and a heartbeat took 7 to 15 of
 * them. "fallback": the full path records the report (a report that completes the module, or on
 * PostgreSQL a transaction that met a concurrent one), nothing having been written. The shapes they
 * share are in progress-row.ts.
 */
export function recordProgressFast(input: FastReport): Promise<FastResult> {
  return isPostgres() ? recordProgressPostgres(input) : recordProgressSqlite(input);
}
