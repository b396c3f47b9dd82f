import "server-only";
import { z } from "zod";

/**
 * Environment, checked once. Read lazily so that tests can set DATABASE_URL before first use.
 * scripts/start.mjs provides AUTH_SECRET (generated once into data/) when it is not set.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/accelerateur.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "DATABASE_URL must be a file: (SQLite) or postgresql:// URL",
    }),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Public origin(s) of the platform, comma-separated, accepted as Origin of mutating requests. */
  APP_ORIGINS: z.string().default(""),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** The platform's public URL (next-auth's redirects, the attestation's verification link). */
  NEXTAUTH_URL: z.url().optional(),
  /** The operator's media server, for modules that name a video file (else served from public/). */
  MEDIA_BASE_URL: z.url().optional(),
  /** Another content directory (a test fixture); default ./content. */
  CONTENT_DIR: z.string().min(1).optional(),
  /** smtp(s)://user:pass@host:port — e-mails go out over SMTP; without it they stay in the outbox table. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  /** Sender of the platform's e-mails. */
  MAIL_FROM: z.string().min(3).default("Accélérateur libre <ne-pas-repondre@accelerateur-libre.localhost>"),
  /** Seconds between two runs of the reminder scheduler in the server process; 0 turns it off. */
  SCHEDULER_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(300),
  /**
   * Tests only: a file holding a number of milliseconds to add to the clock that due dates and
   * reminders read, so end-to-end tests move time forward without sleeping. Never set in production.
   */
  TEST_CLOCK_FILE: z.string().min(1).optional(),
  /**
   * "off": the pages register no service worker and remove one registered before, with what it
   * kept on the device (components/layout/offline-status.tsx). Default "on".
   */
  OFFLINE: z.enum(["on", "off"]).default("on"),
  /** Hosts a live session's videoconference address may use, comma-separated (subdomains included); empty: any https address. */
  LIVE_SESSION_HOSTS: z.string().default(""),
  /** The operator's BigBlueButton server (its API base, e.g. https://bbb.example.org/bigbluebutton/) and shared secret: live sessions can have their room there. */
  BBB_URL: z.url().optional(),
  BBB_SECRET: z.string().min(8).optional(),
  /** The checksum algorithm the BigBlueButton server expects. */
  BBB_CHECKSUM: z.enum(["sha1", "sha256", "sha384", "sha512"]).default("sha256"),
});

export type Env = z.infer<typeof envSchema> & { appOrigins: string[]; liveSessionHosts: string[] };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${details}`);
  }
  cached = {
    ...parsed.data,
    appOrigins: parsed.data.APP_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
    liveSessionHosts: parsed.data.LIVE_SESSION_HOSTS.split(",").map((h) => h.trim()).filter(Boolean),
  };
  if ((cached.BBB_URL === undefined) !== (cached.BBB_SECRET === undefined)) {
    cached = undefined;
    throw new Error("Invalid environment: BBB_URL and BBB_SECRET go together (set both for BigBlueButton, or neither)");
  }
  return cached;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The key that signs session cookies; only the auth code needs it. */
export function getAuthSecret(): string {
  const env = getEnv();
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (npm start generates one in data/auth-secret).");
  return secret;
}
