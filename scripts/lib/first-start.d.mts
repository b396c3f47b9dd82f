export type DemoDataDecision = { isAllowed: boolean; reason: string };
export function isLocalUrl(url: string): boolean;
export function demoDataDecision(input: { publicUrl: string; seedDemo: string | undefined }): DemoDataDecision;
export function prepareDatabase(env: NodeJS.ProcessEnv & { DATABASE_URL: string; NEXTAUTH_URL: string }): Promise<{ applied: string[]; decision: DemoDataDecision; seeded: boolean; userCount: number }>;
