export function isPostgresUrl(url: string): boolean;
export function sqliteFilePath(url: string): string;
export function migrateDatabase(url: string): Promise<string[]>;
export function hasSqliteFile(url: string): boolean;
export type Migration = { name: string; sql: string; checksum: string };
export function readMigrations(engine: "sqlite" | "postgresql"): Migration[];
