/** Next.js calls register() once when a server instance starts: it starts the reminder scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./server/scheduler");
  startScheduler();
}
