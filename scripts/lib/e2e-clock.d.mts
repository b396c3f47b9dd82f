export function e2eClockFile(port: string | number): string;
