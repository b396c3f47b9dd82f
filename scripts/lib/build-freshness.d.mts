export function isBuildCurrent(distDir: string): boolean;
