export type Requirement = { name: string; package: string; path: string; isCustomPath?: boolean };
export type PrerequisitePlan = { action: "none" } | { action: "install"; packages: string[] } | { action: "stop"; message: string };
export const DEBIAN_CHROMIUM_PATH: string;
export const CHROMIUM: Requirement;
export const POSTGRESQL: Requirement;
export const XMLLINT: Requirement;
export function installCommands(packages: string[]): string[][];
export function planPrerequisites(input: { missing: Requirement[]; isRoot: boolean }): PrerequisitePlan;
export function probePrerequisites(env?: NodeJS.ProcessEnv): Requirement[];
export function aptGetInstall(packages: string[]): boolean;
export function ensureTestPrerequisites(options?: {
  probe?: () => Requirement[];
  isRoot?: boolean;
  install?: (packages: string[]) => boolean;
  log?: (line: string) => void;
}): { ok: true; installed: string[] } | { ok: false; message: string };
