export const DEFAULT_BACKUP_DIR: string;
export function fileTimestamp(date: Date): string;
export function backupFileName(date: Date): string;
export function asidePath(databasePath: string, date: Date): string;
export function resolveBackupDir(options: { argument?: string; env?: Record<string, string | undefined>; base?: string; root?: string }): string;
export function checkMigrationHistory(
  applied: { migration_name: string; checksum: string }[],
  local: { name: string; checksum: string }[],
): { problems: string[]; pending: string[] };
export function findMissingTables(expected: string[], actual: string[]): string[];
export function inspectSqliteBackup(path: string): { problems: string[]; pending: string[] };
export function backupSqliteDatabase(sourcePath: string, dir: string, options?: { now?: Date }): Promise<{ path: string; pages: number; bytes: number; ms: number }>;
export class DatabaseInUseError extends Error {
  constructor(path: string);
}
export function restoreSqliteDatabase(
  backupPath: string,
  targetPath: string,
  options?: { now?: Date },
): Promise<{ previous: string | null; sideFiles: string[]; pending: string[] }>;
