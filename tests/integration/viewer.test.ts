// GET /api/viewer (app/api/viewer/route.ts, server/viewer.tsx): the learner's part of the
// prerendered programme pages, on both engines. The session is set per test, as in
// fuzz-api.test.ts (next-auth's lookup needs Next.js's request context); the reads are real.
import { describe, expect, it, vi } from "vitest";
import type { ViewerState } from "@/lib/viewer";
import { readPlaybackSession } from "@/server/playback-session";
import { setNeutralPathPreference } from "@/server/data/preferences";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { createUser } from "../support/factories";
import { completeModule, watch } from "../support/learning";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; name: string; email: string } }));
vi.mock("@/server/auth", () => ({ getSessionUser: async () => session.user }));

const { GET } = await import("@/app/api/viewer/route");

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const INTRO = "transition-pourquoi-vendre-en-ligne";
const MARKETPLACES = "marche-comprendre-les-places-de-marche";

async function view(query: string, cookie = ""): Promise<{ status: number; body: ViewerState & { error?: { code: string } }; setCookie: string | null }> {
  const response = await GET(new Request(`http://localhost:3000/api/viewer?${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json(), setCookie: response.headers.get("set-cookie") };
}

async function signIn(role: "merchant" | "trainer" | "admin") {
  const user = await createUser(role);
  session.user = { id: user.id, role, name: user.name, email: user.email };
  return user;
}

describe(`GET /api/viewer (${engine})`, () => {
  it("a visitor gets the header's part only, their path from the cookie, and Mon parcours sends them to sign in", async () => {
    session.user = null;
    const home = await view("page=home&locale=fr", "parcours=neutre");
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ viewer: null, isNeutralPath: true, slots: {} });
    expect(home.body.flags).toMatchObject({ visitor: true, signedIn: false, learner: false });
    expect(home.setCookie).toBeNull();
    expect((await view("page=progress&locale=fr")).body.signInHref).toBe("/sign-in?callbackUrl=%2Fprogress");
    expect((await view(`page=module&locale=fr&id=${INTRO}`)).body.module).toEqual({ moduleId: INTRO, session: null, initialPositionS: 0, progress: null });
  });

  it("a merchant gets their name, their statuses and progress bars in the slots, and the to-do's absence", async () => {
    const learner = await signIn("merchant");
    await completeModule(learner, INTRO);
    await watch(learner, MARKETPLACES, 20);
    const { status, body } = await view("page=home&locale=fr", "parcours=standard");
    expect(status).toBe(200);
    expect(body.viewer).toEqual({ name: learner.name, unreadCount: 0, links: { progress: true, cohorts: false, stats: false, users: false } });
    expect(body.flags).toMatchObject({ signedIn: true, visitor: false, learner: true });
    expect(body.slots[`status:${INTRO}`]).toContain("Terminé");
    expect(body.slots[`status:${MARKETPLACES}`]).toContain("En cours");
    expect(body.slots["steps:transition-numerique"]).toContain("progressbar");
    expect(body.slots["home-welcome"]).toContain(`Bonjour ${learner.name} !`);
    expect(body.slots["home-resume"]).toContain(`/modules/${MARKETPLACES}`);
    expect(body.slots["home-todo"]).toBe("");
    const english = await view("page=home&locale=en", "parcours=standard");
    expect(english.body.slots["home-welcome"]).toContain(`Hello ${learner.name}!`);
  });

  it("the module page gets a playback session of its own learner and module, and the saved position", async () => {
    const learner = await signIn("merchant");
    await watch(learner, MARKETPLACES, 40);
    const { body } = await view(`page=module&locale=fr&id=${MARKETPLACES}`, "parcours=standard");
    expect(body.module).toMatchObject({ moduleId: MARKETPLACES, initialPositionS: 40, progress: { moduleId: MARKETPLACES, watchedS: 40, status: "in-progress" } });
    expect(readPlaybackSession(body.module!.session!, learner.id, MARKETPLACES)).not.toBeNull();
    expect(readPlaybackSession(body.module!.session!, learner.id, INTRO)).toBeNull();
  });

  it("sets the path cookie to the account's path when they differ, so that proxy.ts serves that page", async () => {
    const learner = await signIn("merchant");
    await setNeutralPathPreference(learner, true);
    const stale = await view("page=chapter&locale=fr&id=place-de-marche", "parcours=standard");
    expect(stale.body.isNeutralPath).toBe(true);
    expect(stale.setCookie).toMatch(/^parcours=neutre;/);
    expect((await view("page=chapter&locale=fr&id=place-de-marche", "parcours=neutre")).setCookie).toBeNull();
  });

  it("Mon parcours: the to-do with the group just joined, the join form's flag, the attestation's", async () => {
    const learner = await signIn("merchant");
    const alone = await view("page=progress&locale=fr");
    expect(alone.body.flags).toMatchObject({ learner: true, joinOnProgress: true, attestationGet: false });
    expect(alone.body.slots["progress-overall"]).toContain("étapes terminées sur");
    expect(alone.body.slots["progress-chapters"]).toContain("<li");
    const trainer = await createUser("trainer");
    const { id } = await createCohort(trainer, { name: "Groupe du mardi", description: "", reminderDaysBefore: 3 });
    await joinCohort(learner, (await getCohortForTrainer(trainer, id)).joinCode!);
    const joined = await view(`page=progress&locale=fr&joined=${id}`);
    expect(joined.body.flags.joinOnProgress).toBe(false);
    expect(joined.body.slots["progress-todo"]).toContain("Groupe du mardi");
  });

  it("a trainer sees the trainer's links, and no learner's sections", async () => {
    await signIn("trainer");
    const { body } = await view("page=progress&locale=fr");
    expect(body.viewer?.links).toEqual({ progress: true, cohorts: true, stats: false, users: false });
    expect(body.flags).toMatchObject({ learner: false, joinOnProgress: false });
    expect(body.slots["progress-todo"]).toBe("");
  });

  it("refuses a bad query with a 400 and a code", async () => {
    session.user = null;
    for (const query of ["", "page=home", "page=home&locale=de", "page=chapter&locale=fr", "page=elsewhere&locale=fr", `page=module&locale=fr&id=${"x".repeat(201)}`]) {
      const { status, body } = await view(query);
      expect(status, query).toBe(400);
      expect(body.error?.code, query).toBe("VALIDATION_FAILED");
    }
  });

  it("an unknown chapter or module gives the header's part only, and keeps the account's path", async () => {
    const learner = await signIn("merchant");
    await setNeutralPathPreference(learner, true);
    const chapter = await view("page=chapter&locale=fr&id=no-such-chapter", "parcours=neutre");
    expect(chapter.body).toMatchObject({ slots: {}, isNeutralPath: true });
    expect(chapter.setCookie).toBeNull();
    const module = await view("page=module&locale=fr&id=no-such-module", "parcours=neutre");
    expect(module.body.module).toBeUndefined();
    expect(module.body.isNeutralPath).toBe(true);
    expect(module.setCookie).toBeNull();
  });
});
