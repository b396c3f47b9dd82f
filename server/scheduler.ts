import "server-only";
import { now } from "./clock";
import { getEnv } from "./env";
import { runReminderRound } from "./reminders";

/**
 * The scheduler inside the server process: a reminder round every SCHEDULER_INTERVAL_S seconds
 * (0 = off), started by instrumentation.ts. Rounds never overlap within a process; across
 * instances, the unique keys of reminders and e-mails keep each one single.
 */
const globalForScheduler = globalThis as unknown as { accelerateurScheduler?: NodeJS.Timeout };

export function startScheduler() {
  const intervalS = getEnv().SCHEDULER_INTERVAL_S;
  if (intervalS === 0 || globalForScheduler.accelerateurScheduler) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await runReminderRound(now());
    } catch (error) {
      console.error("Reminder round failed (retried at the next round)", error);
    } finally {
      isRunning = false;
    }
  };
  globalForScheduler.accelerateurScheduler = setInterval(tick, intervalS * 1000);
  globalForScheduler.accelerateurScheduler.unref();
  setTimeout(tick, Math.min(intervalS, 5) * 1000).unref();
}
