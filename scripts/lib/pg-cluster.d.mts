export type PostgresCluster = {
  url: string;
  port: number;
  bin: string;
  /** Stops the server at once and removes its folder. */
  stop: () => void;
  /** Shuts the server down cleanly and moves its data folder to `target` (then removes the rest). */
  stopAndKeep: (target: string) => void;
};
export function findPostgresBin(): string | null;
export function startPostgresCluster(options?: { database?: string; fromDataDir?: string | null }): Promise<{ cluster: PostgresCluster; reason: null } | { cluster: null; reason: string }>;
