import "server-only";
import { readFileSync } from "node:fs";
import { getEnv } from "./env";

/**
 * The clock that due dates, overdue flags and reminders read. It is the system clock, moved by the
 * offset (ms) in TEST_CLOCK_FILE when the end-to-end tests set one: time is injected, never slept.
 */
export function now(): Date {
  const file = getEnv().TEST_CLOCK_FILE;
  if (!file) return new Date();
  let offsetMs = 0;
  try {
    offsetMs = Number(readFileSync(file, "utf8").trim()) || 0;
  } catch {
    offsetMs = 0;
  }
  return new Date(Date.now() + offsetMs);
}
