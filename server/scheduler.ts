import "server-only";
import { now } from "./clock";
import { purgeSpentThrottleRows } from "./data/throttle";
import { getEnv } from "./env";
import { runReminderRound } from "./reminders";

/**
 * The scheduler inside the server process, every SCHEDULER_INTERVAL_S seconds (0 = off), started
 * by instrumentation.ts: a reminder round, then the sign-in throttle's spent rows are deleted (they
 * hold e-mails and client addresses; on the real clock, like the sign-ins that wrote them). Rounds
 * never overlap within a process; across instances, the unique keys of reminders and e-mails keep
 * each one single, and deleting a spent row twice deletes nothing more.
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
    }
    try {
      await purgeSpentThrottleRows(new Date());
    } catch (error) {
      console.error("Deleting spent sign-in throttle rows failed (retried at the next round)", error);
    } finally {
      isRunning = false;
    }
  };
  globalForScheduler.accelerateurScheduler = setInterval(tick, intervalS * 1000);
  globalForScheduler.accelerateurScheduler.unref();
  setTimeout(tick, Math.min(intervalS, 5) * 1000).unref();
}
