/**
 * Fuzz of every route handler (issue 12 §5): for each exported method of each app/api route, at
 * least FUZZ_RUNS malformed requests sent in-process — wrong types, missing and extra fields,
 * prototype keys, huge strings, deep nesting, NUL and lone surrogates, NaN/±Infinity as raw tokens,
 * text that is not JSON, no body, wrong content types; odd path parameters (any that proxy.ts lets
 * through), query strings, cookies and headers (Accept-Language, Origin, X-Forwarded-For,
 * Content-Type, Host) — each from a visitor of every kind, mostly one allowed to reach the parsing.
 *
 * Every answer is under 500; every error is JSON `{ error: { code, message } }`; the row counts of
 * every table are the same after each rejected (4xx) request as before it. A route handler method
 * without an entry in FUZZ_TARGETS fails the test (found like the authorization matrix does).
 * Each body schema must be strict: its valid sample plus one unknown key is a 400.
 *
 * Pages, next-auth's endpoints and the proxy are fuzzed against the built server: tests/e2e/fuzz.spec.ts.
 */
import { join } from "node:path";
import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import Database from "better-sqlite3";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { isAcceptableSegment } from "@/lib/request-input";
import type { Role } from "@/lib/roles";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { createAssignment } from "@/server/data/assignments";
import { scheduleLiveSession } from "@/server/data/live-sessions";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import type { SessionUser } from "@/server/data/users";
import { getDb, isPostgres } from "@/server/db";
import { createPlaybackSession } from "@/server/playback-session";
import { VISITORS, type Visitor } from "../authorization-matrix";
import { sqliteFilePath } from "../../scripts/lib/migrate.mjs";
import { TEST_PASSWORD } from "../support/factories";
import { appRouteFiles, isRouteHandler, routeMethods, ROOT, urlSegments, isDynamicSegment, type HttpMethod } from "../support/app-routes";
import { TABLES } from "../support/database";
import { acceptLanguage, anyString, contentType, cookieHeader, forwardedFor, hostHeader, isSendableHeaderValue, mutatedBody, oddBodyText, oddValue, originHeader, queryString, toJsonText } from "../support/fuzz-arbitraries";

// The session, set by each fuzzed request: next-auth's lookup needs Next.js's request context
// (tests/e2e/fuzz.spec.ts sends cookies to the real one); the permission rule is the real one.
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; name: string; email: string } }));
vi.mock("@/server/auth", async () => {
  const { can } = await import("@/lib/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    getSessionUser: async () => session.user,
    // The password route issues the caller's session cookie anew; there is no cookie here.
    renewedSessionCookie: async () => null,
    requireApiPermission: async (permission: Parameters<typeof can>[1]) => {
      if (!session.user) throw new AppError("UNAUTHENTICATED");
      if (!can(session.user as never, permission)) throw new AppError("FORBIDDEN");
      return session.user;
    },
  };
});

const engine = isPostgres() ? "PostgreSQL" : "SQLite";
/** Runs per route handler method. PostgreSQL (the second engine of npm test) gets fewer, to keep npm test short: the same handlers, checked for its own refusals (NUL in text). */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? (isPostgres() ? 60 : 1_000));
const HOST = "localhost:3000";
const ORIGIN = `http://${HOST}`;
const MODULE = "transition-pourquoi-vendre-en-ligne";
const CHAPTER = "transition-numerique";
const LIVE_SESSION = { title: "Session du fuzz", day: "2030-01-15", time: "18:00", durationMin: 60, placeKind: "online", meetingUrl: "https://meet.jit.si/fuzz" };
const WRONG_PASSWORD = "ce n’est pas le mot de passe";
/** Failed password confirmations may be counted against the account (sign-in throttling, issue 12 §3). */
const TABLES_WRITTEN_ON_REFUSAL = new Set(["LoginThrottle"]);

type World = {
  users: Record<Exclude<Visitor, "anonymous">, SessionUser>;
  cohortId: string;
  assignmentId: string;
  joinCode: string;
  liveSessionId: string;
};

type FuzzTarget = {
  /** Who passes the permission check, so that most requests reach the input parsing. */
  actor: Visitor;
  /** Valid path parameters, the starting point of the fuzzed ones. */
  params?: (world: World) => Record<string, string>;
  /** A valid body, the starting point of the mutated ones; none: the handler reads no body. */
  body?: (world: World) => Record<string, unknown>;
  /** Why this method is not fuzzed here. */
  elsewhere?: string;
  /** After a request that succeeded: keeps the world the size it was (see the export's entry). */
  afterSuccess?: () => Promise<unknown>;
};

/**
 * Each export is audited, and the JSON export lists the learner's audit entries: left alone, the
 * thousandth export would carry a thousand entries (22 s for the run instead of 3).
 */
const forgetExports = () => getDb().auditEntry.deleteMany({ where: { action: "account.exported" } });

/** One entry per exported method of every route handler under app/api ("METHOD file"). */
const FUZZ_TARGETS: Record<string, FuzzTarget> = {
  "PUT app/api/account/email/route.ts": { actor: "merchant", body: () => ({ email: "nouvelle-adresse@exemple.test", currentPassword: WRONG_PASSWORD }) },
  "GET app/api/account/export/route.ts": { actor: "merchant", afterSuccess: forgetExports },
  "GET app/api/account/export/xapi/route.ts": { actor: "merchant", afterSuccess: forgetExports },
  "PUT app/api/account/locale/route.ts": { actor: "merchant", body: () => ({ locale: "en" }) },
  "PUT app/api/account/password/route.ts": { actor: "merchant", body: () => ({ currentPassword: WRONG_PASSWORD, newPassword: "un nouveau mot de passe" }) },
  "PUT app/api/account/profile/route.ts": { actor: "merchant", body: () => ({ sector: "librairie", department: "44", sizeBand: "1-9" }) },
  "DELETE app/api/account/profile/route.ts": { actor: "merchant" },
  "PATCH app/api/account/route.ts": { actor: "merchant", body: () => ({ name: "Fromagerie du Marché" }) },
  "DELETE app/api/account/route.ts": { actor: "merchant", body: () => ({ password: WRONG_PASSWORD }) },
  "GET app/api/admin/freshness/route.ts": { actor: "admin" },
  "PUT app/api/account/calendar/route.ts": { actor: "merchant" },
  "DELETE app/api/account/calendar/route.ts": { actor: "merchant" },
  "GET app/api/calendar/[token]/route.ts": { actor: "anonymous", params: () => ({ token: "A".repeat(43) }) },
  "POST app/api/cohorts/[cohortId]/live-sessions/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }), body: () => LIVE_SESSION },
  "PUT app/api/cohorts/[cohortId]/live-sessions/[sessionId]/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId, sessionId: w.liveSessionId }), body: () => LIVE_SESSION },
  "DELETE app/api/cohorts/[cohortId]/live-sessions/[sessionId]/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId, sessionId: w.liveSessionId }) },
  "PUT app/api/cohorts/[cohortId]/live-sessions/[sessionId]/attendance/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId, sessionId: w.liveSessionId }),
    body: (w) => ({ entries: [{ userId: w.users.merchant.id, attended: true }], replayUrl: "https://peertube.example.org/w/x", notes: "" }),
  },
  "PUT app/api/live-sessions/[sessionId]/registration/route.ts": { actor: "merchant", params: (w) => ({ sessionId: w.liveSessionId }) },
  "DELETE app/api/live-sessions/[sessionId]/registration/route.ts": { actor: "merchant", params: (w) => ({ sessionId: w.liveSessionId }) },
  "GET app/api/live-sessions/[sessionId]/calendar/route.ts": { actor: "merchant", params: (w) => ({ sessionId: w.liveSessionId }) },
  "GET app/api/live-sessions/[sessionId]/join/route.ts": { actor: "merchant", params: (w) => ({ sessionId: w.liveSessionId }) },
  "GET app/api/admin/stats/[table]/route.ts": { actor: "admin", params: () => ({ table: "by-region" }) },
  "PUT app/api/admin/users/[id]/role/route.ts": { actor: "admin", params: (w) => ({ id: w.users.merchant.id }), body: () => ({ role: "trainer" }) },
  "POST app/api/attestations/route.ts": { actor: "merchant" },
  "GET app/api/auth/[...nextauth]/route.ts": { actor: "anonymous", elsewhere: "next-auth's protocol needs Next.js's request context: tests/e2e/fuzz.spec.ts" },
  "POST app/api/auth/[...nextauth]/route.ts": { actor: "anonymous", elsewhere: "next-auth's protocol needs Next.js's request context: tests/e2e/fuzz.spec.ts" },
  "PUT app/api/cohorts/[cohortId]/assignments/[assignmentId]/extensions/[userId]/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId, assignmentId: w.assignmentId, userId: w.users.merchant.id }),
    body: () => ({ dueOn: "2030-01-15" }),
  },
  "DELETE app/api/cohorts/[cohortId]/assignments/[assignmentId]/extensions/[userId]/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId, assignmentId: w.assignmentId, userId: w.users.merchant.id }),
  },
  "PATCH app/api/cohorts/[cohortId]/assignments/[assignmentId]/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId, assignmentId: w.assignmentId }),
    body: () => ({ dueKind: "relative", dueDays: 14 }),
  },
  "DELETE app/api/cohorts/[cohortId]/assignments/[assignmentId]/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId, assignmentId: w.assignmentId }) },
  "POST app/api/cohorts/[cohortId]/assignments/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId }),
    body: () => ({ itemKind: "module", itemId: MODULE, dueKind: "fixed", dueOn: "2030-01-01" }),
  },
  "GET app/api/cohorts/[cohortId]/export/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }) },
  "POST app/api/cohorts/[cohortId]/invitations/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }), body: () => ({ emails: "a@exemple.test; b@exemple.test" }) },
  "POST app/api/cohorts/[cohortId]/join-code/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }), body: () => ({ expiresOn: "2030-06-30" }) },
  "PATCH app/api/cohorts/[cohortId]/join-code/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }), body: () => ({ expiresOn: null }) },
  "DELETE app/api/cohorts/[cohortId]/join-code/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }) },
  "DELETE app/api/cohorts/[cohortId]/members/[userId]/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId, userId: w.users.merchant.id }) },
  "PATCH app/api/cohorts/[cohortId]/route.ts": {
    actor: "trainer",
    params: (w) => ({ cohortId: w.cohortId }),
    body: () => ({ name: "Groupe renommé", description: "Le mardi", startsOn: "2030-01-01", endsOn: "2030-03-01", reminderDaysBefore: 3 }),
  },
  "POST app/api/cohorts/[cohortId]/trainers/route.ts": { actor: "trainer", params: (w) => ({ cohortId: w.cohortId }), body: (w) => ({ email: w.users.admin.email }) },
  "POST app/api/cohorts/route.ts": { actor: "trainer", body: () => ({ name: "Groupe du jeudi", description: "" }) },
  ...Object.fromEntries(
    (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => [`${method} app/api/[...path]/route.ts`, { actor: "merchant" as const, params: () => ({ path: "no-such-route/x" }) }]),
  ),
  "GET app/api/health/route.ts": { actor: "anonymous" },
  "GET app/icons/[name]/route.tsx": {
    actor: "anonymous",
    elsewhere: "a public PNG drawn from fixed pictures, prerendered at build time (dynamicParams false): its one path parameter is fuzzed against the built server (tests/e2e/fuzz.spec.ts)",
  },
  "GET app/serwist/[path]/route.ts": {
    actor: "anonymous",
    elsewhere: "the service worker's script, bundled by Serwist at build time (dynamicParams false): its one path parameter is fuzzed against the built server (tests/e2e/fuzz.spec.ts)",
  },
  "POST app/api/locale/route.ts": { actor: "anonymous", body: () => ({ locale: "en" }) },
  "DELETE app/api/memberships/[cohortId]/route.ts": { actor: "merchant", params: (w) => ({ cohortId: w.cohortId }) },
  "POST app/api/memberships/route.ts": { actor: "merchant", body: (w) => ({ code: w.joinCode }) },
  "GET app/api/modules/[moduleId]/captions/route.ts": { actor: "anonymous", params: () => ({ moduleId: MODULE }) },
  "POST app/api/notifications/read/route.ts": { actor: "merchant", body: () => ({ ids: ["pas-une-notification"] }) },
  "GET app/api/offline/chapters/route.ts": { actor: "anonymous" },
  "GET app/api/packages/[file]/route.ts": { actor: "anonymous", params: () => ({ file: "accelerateur-libre_scorm12_marque_neutre.zip" }) },
  "GET app/api/ping/route.ts": { actor: "anonymous" },
  "PUT app/api/preferences/path/route.ts": { actor: "merchant", body: () => ({ isNeutralPath: true }) },
  "PUT app/api/preferences/reminders/route.ts": { actor: "trainer", body: () => ({ wantsReminderEmails: false, wantsWeeklyDigest: true }) },
  "POST app/api/progress/route.ts": {
    actor: "merchant",
    body: (w) => ({ reportId: randomUUID(), moduleId: MODULE, session: createPlaybackSession(w.users.merchant.id, MODULE, Date.now() - 60_000), intervals: [[0, 20]], positionS: 20 }),
  },
  "POST app/api/quiz-attempts/route.ts": { actor: "merchant", body: () => ({ moduleId: MODULE, answers: [0, 1, 0] }) },
  "POST app/api/users/route.ts": {
    actor: "anonymous",
    body: () => ({ email: "epicerie-fine@exemple.test", password: "un mot de passe assez long", name: "Épicerie fine", sector: "alimentation", department: "2A", sizeBand: "0" }),
  },
};

const ROUTE_METHODS = appRouteFiles()
  .filter(isRouteHandler)
  .flatMap((file) => routeMethods(file).map((method) => ({ key: `${method} ${file}`, file, method })));

/**
 * A hash of TEST_PASSWORD at a low scrypt cost (the cost is stored with the hash, and verification
 * uses it): the fuzz sends thousands of well-formed wrong passwords, each checked against it.
 */
const CHEAP_PASSWORD_HASH = (() => {
  const cost = { N: 2 ** 10, r: 8, p: 1 };
  const salt = randomBytes(16);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), scryptSync(TEST_PASSWORD, salt, 64, cost).toString("base64")].join("$");
})();

async function makeWorld(): Promise<World> {
  const users = {} as World["users"];
  for (const role of ["merchant", "trainer", "admin"] as const satisfies Role[]) {
    const user = await getDb().user.create({ data: { email: `${role}-${randomUUID()}@exemple.test`, name: `Compte ${role} fuzz`, role, passwordHash: CHEAP_PASSWORD_HASH }, select: { id: true, name: true, email: true } });
    users[role] = { ...user, role };
  }
  const { id: cohortId } = await createCohort(users.trainer, { name: "Groupe du fuzz", description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(users.trainer, cohortId);
  await joinCohort(users.merchant, joinCode!, new Date());
  const assignment = await createAssignment(users.trainer, cohortId, { itemKind: "chapter", itemId: CHAPTER, dueKind: "none", dueOn: null, dueDays: null });
  const liveSession = await scheduleLiveSession(users.trainer, cohortId, liveSessionSchema.parse(LIVE_SESSION), new Date());
  return { users, cohortId, assignmentId: assignment.id, joinCode: joinCode!, liveSessionId: liveSession.id };
}

const COUNT_SQL = `SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(", ")}`;
let sqliteCounts: Database.Statement | null = null;

/**
 * The number of rows of every table, in one query: on SQLite through a read-only connection of
 * its own (synchronous, a tenth of a Prisma round trip; WAL lets it see every committed write).
 */
async function rowCounts(): Promise<Record<string, number>> {
  const row = sqliteCounts ? (sqliteCounts.get() as Record<string, number>) : (await getDb().$queryRawUnsafe<Record<string, bigint | number>[]>(COUNT_SQL))[0]!;
  return Object.fromEntries(Object.entries(row).filter(([t]) => !TABLES_WRITTEN_ON_REFUSAL.has(t)).map(([t, n]) => [t, Number(n)]));
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** The parameters as Next.js gives them: a catch-all ("[...path]") as its segments. */
function handlerParams(file: string, params: Record<string, string>): Record<string, string | string[]> {
  const catchAll = urlSegments(file).find((segment) => segment.startsWith("[..."))?.slice(4, -1);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, name === catchAll ? value.split("/") : value]));
}

async function handlerOf(file: string, method: HttpMethod): Promise<Handler> {
  const module = (await import(join(ROOT, file))) as Record<string, Handler>;
  return module[method]!;
}

type FuzzRequest = {
  visitor: Visitor;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body: string | null;
};

/** Path parameters as a route handler gets them: decoded, and only those proxy.ts lets through. */
const paramValue = (valid: string) =>
  fc.oneof(
    { arbitrary: fc.constant(valid), weight: 3 },
    { arbitrary: anyString.filter(isAcceptableSegment), weight: 2 },
    { arbitrary: fc.constantFrom("cohorte-demo", "no-such-id", "x".repeat(64), "x".repeat(65), "by-region ", "BY-REGION", "..."), weight: 1 },
  );

function requestArbitrary(target: FuzzTarget, method: HttpMethod, world: World): fc.Arbitrary<FuzzRequest> {
  const validParams = target.params?.(world) ?? {};
  const params = fc.record(Object.fromEntries(Object.entries(validParams).map(([name, valid]) => [name, paramValue(valid)])) as Record<string, fc.Arbitrary<string>>);
  const sample = target.body?.(world) ?? {};
  const body: fc.Arbitrary<string | null> =
    method === "GET"
      ? fc.constant(null)
      : fc.oneof(
          { arbitrary: mutatedBody(sample).map(toJsonText), weight: 6 },
          { arbitrary: oddValue.map(toJsonText), weight: 1 },
          { arbitrary: oddBodyText, weight: 2 },
          { arbitrary: fc.constant(null), weight: 1 },
        );
  const visitor = fc.oneof({ arbitrary: fc.constant(target.actor), weight: 6 }, { arbitrary: fc.constantFrom(...VISITORS), weight: 1 });
  const optional = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) => fc.option(arbitrary, { freq: weight + 1, nil: undefined });
  const headers = fc
    .record({
      "content-type": optional(contentType),
      origin: optional(originHeader(ORIGIN), 4),
      "sec-fetch-site": optional(fc.constantFrom("same-origin", "same-site", "cross-site", "none", "")),
      host: fc.oneof({ arbitrary: fc.constant(HOST), weight: 4 }, { arbitrary: hostHeader(HOST), weight: 1 }),
      "accept-language": optional(acceptLanguage),
      cookie: optional(cookieHeader),
      "x-forwarded-for": optional(forwardedFor),
      "x-forwarded-host": optional(hostHeader(HOST), 0),
    })
    .map((record) => Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined && isSendableHeaderValue(entry[1]))));
  return fc.record({ visitor, params, query: queryString, headers, body });
}

function toRequest(file: string, method: HttpMethod, fuzz: FuzzRequest): Request {
  const path = urlSegments(file)
    .map((segment) => (isDynamicSegment(segment) ? encodeURIComponent((fuzz.params[segment.replace(/^\[(\.\.\.)?|\]$/g, "")] ?? "").toWellFormed()) : segment))
    .join("/");
  return new Request(`${ORIGIN}/${path}${fuzz.query}`, { method, headers: fuzz.headers, body: fuzz.body });
}

function describeRequest(method: string, fuzz: FuzzRequest): string {
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);
  return `${method} as ${fuzz.visitor}, params ${clip(JSON.stringify(fuzz.params))}, query ${clip(fuzz.query)}, headers ${clip(JSON.stringify(fuzz.headers))}, body ${fuzz.body === null ? "none" : clip(JSON.stringify(fuzz.body))}`;
}

/** Checks one answer; returns a reason when it is wrong. */
async function faultOf(response: Response): Promise<string | null> {
  if (response.status >= 500) return `answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
  if (response.status < 400) {
    await response.body?.cancel();
    return null;
  }
  const text = await response.text();
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `answered ${response.status} without a JSON body: ${text.slice(0, 200)}`;
  }
  if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string") return `answered ${response.status} without { error: { code, message } }: ${text.slice(0, 200)}`;
  return null;
}

describe(`every route handler, fuzzed on ${engine}`, () => {
  beforeAll(() => {
    if (!isPostgres()) sqliteCounts = new Database(sqliteFilePath(process.env.DATABASE_URL!), { readonly: true }).prepare(COUNT_SQL);
    // Expected noise of refused requests stays out of the test output; real faults fail the test.
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });

  it("every method of every route handler has a fuzz entry, and no entry is left over", () => {
    const keys = ROUTE_METHODS.map((r) => r.key);
    expect(keys.filter((key) => !FUZZ_TARGETS[key]), "route handler methods without a fuzz entry").toEqual([]);
    expect(Object.keys(FUZZ_TARGETS).filter((key) => !keys.includes(key)), "fuzz entries for no route").toEqual([]);
  });

  const fuzzed = ROUTE_METHODS.filter(({ key }) => FUZZ_TARGETS[key] && !FUZZ_TARGETS[key].elsewhere);

  it.each(fuzzed.filter(({ key }) => FUZZ_TARGETS[key]!.body))("$key: its body schema refuses unknown keys (strict)", async ({ key, file, method }) => {
    const target = FUZZ_TARGETS[key]!;
    const world = await makeWorld();
    const handler = await handlerOf(file, method);
    session.user = world.users[target.actor as Exclude<Visitor, "anonymous">] ?? null;
    const headers = { "content-type": "application/json", origin: ORIGIN, host: HOST };
    const params = target.params?.(world) ?? {};
    const send = (body: unknown) => handler(toRequest(file, method, { visitor: target.actor, params, query: "", headers, body: JSON.stringify(body) }), { params: Promise.resolve(handlerParams(file, params)) });
    const withExtra = await send({ ...target.body!(world), unexpectedField: true });
    expect(withExtra.status, "the valid sample plus an unknown key").toBe(400);
    expect(((await withExtra.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
    const valid = await send(target.body!(world));
    if (valid.status === 400) expect(((await valid.json()) as { error: { code: string } }).error.code, "the sample itself is valid").not.toMatch(/^(VALIDATION_FAILED|INVALID_JSON)$/);
  });

  it.each(fuzzed)(`$key: ${FUZZ_RUNS} malformed requests, never a 5xx, errors in JSON, nothing written when refused`, { timeout: 300_000 }, async ({ key, file, method }) => {
    const target = FUZZ_TARGETS[key]!;
    const world = await makeWorld();
    const handler = await handlerOf(file, method);
    let counts = await rowCounts();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(target, method, world), async (fuzz) => {
        session.user = fuzz.visitor === "anonymous" ? null : world.users[fuzz.visitor];
        const response = await handler(toRequest(file, method, fuzz), { params: Promise.resolve(handlerParams(file, fuzz.params)) });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const fault = await faultOf(response);
        if (fault) throw new Error(`${fault}\n  ${describeRequest(method, fuzz)}`);
        if (response.status < 300) await target.afterSuccess?.();
        const after = await rowCounts();
        if (response.status >= 400) {
          const changed = Object.keys(after).filter((t) => after[t] !== counts[t]);
          if (changed.length) throw new Error(`refused with ${response.status} but wrote rows in ${changed.join(", ")}\n  ${describeRequest(method, fuzz)}`);
        }
        counts = after;
      }),
      { numRuns: FUZZ_RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    // Most requests reached the parsing: refusals for bad input, not only 401/403.
    const refusedByInput = [...statuses].filter(([status]) => status === 400 || status === 404 || status === 409 || status === 410).reduce((sum, [, n]) => sum + n, 0);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(FUZZ_RUNS);
    if (target.body) expect(refusedByInput, `statuses: ${JSON.stringify(Object.fromEntries(statuses))}`).toBeGreaterThan(FUZZ_RUNS / 3);
  });
});
