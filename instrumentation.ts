/**
 * Next.js calls register() once when a server instance starts: it starts the reminder scheduler,
 * and hands the platform's server (scripts/server.mjs) the route it answers before Next.js's
 * router (server/direct-routes.ts: the heartbeat).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./server/scheduler");
  startScheduler();
  const { createDirectRoutes } = await import("./server/direct-routes");
  (globalThis as { [key: symbol]: unknown })[Symbol.for("accelerateur.direct-routes")] = createDirectRoutes();
}
