export function isPostgresUrl(url: string): boolean;
export function sqliteFilePath(url: string): string;
export function migrateDatabase(url: string): Promise<string[]>;
export function hasSqliteFile(url: string): boolean;
