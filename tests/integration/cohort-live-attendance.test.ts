// The cohort dashboard and its CSV count each learner's live sessions attended, out of the cohort's
// sessions held, in one statement for the whole cohort (the dashboard's statement count does not
// grow with its learners or its sessions).
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { createAssignment } from "@/server/data/assignments";
import { getCohortDashboard, streamCohortCsv } from "@/server/data/cohort-dashboard";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { cancelLiveSession, markAttendance, registerForLiveSession, scheduleLiveSession } from "@/server/data/live-sessions";
import { joinCohort } from "@/server/data/memberships";
import { countQueries, enableQueryCounting } from "@/server/db";
import { createAccount } from "../support/accounts";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const JOINED = new Date("2026-11-01T09:00:00Z");
/** When the trainer schedules and learners register: before every session below. */
const EARLY = new Date("2026-11-02T09:00:00Z");
const NOW = new Date("2026-12-15T10:00:00Z");
const INTRO = "transition-pourquoi-vendre-en-ligne";

beforeAll(() => enableQueryCounting());

/** A session on a day at 18:00 in Paris (UTC+1 in winter). */
const sessionOn = (day: string) => liveSessionSchema.parse({ title: `Session du ${day}`, day, time: "18:00", durationMin: 60, placeKind: "online", meetingUrl: "https://meet.jit.si/atelier" });
const afterStart = (day: string) => new Date(`${day}T18:00:00Z`);

async function group(learnerCount: number, name = "Groupe du mardi") {
  const trainer = await createAccount("trainer", `Formateur ${name}`);
  const { id: cohortId } = await createCohort(trainer, { name, description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(trainer, cohortId);
  const learners: Actor[] = [];
  for (let i = 0; i < learnerCount; i++) {
    const learner = await createAccount("merchant", `${name} ${String.fromCharCode(65 + i)}`);
    await joinCohort(learner, joinCode!, JOINED);
    learners.push(learner);
  }
  return { trainer, cohortId, learners };
}

/** A session held on `day`: who registered, and who was present (the others registered are absent). */
async function held(trainer: Actor, cohortId: string, day: string, registered: Actor[], present: Actor[]) {
  const { id } = await scheduleLiveSession(trainer, cohortId, sessionOn(day), EARLY);
  for (const learner of registered) await registerForLiveSession(learner, id, EARLY);
  const entries = registered.map((l) => ({ userId: l.id, attended: present.includes(l) }));
  await markAttendance(trainer, cohortId, id, { entries, replayUrl: null, notes: "" }, afterStart(day));
  return id;
}

const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name));
const attendanceOf = async (trainer: Actor, cohortId: string) =>
  byName((await getCohortDashboard(trainer, cohortId, NOW)).rows).map((r) => [r.name, r.liveSessions.attendedCount, r.liveSessions.heldCount]);

describe(`live sessions on the cohort dashboard and its CSV on ${engine}`, () => {
  it("counts each learner's sessions attended out of the sessions held: not the cancelled, the upcoming, nor another group's", async () => {
    const { trainer, cohortId, learners } = await group(3);
    const [ana, bob, cid] = learners as [Actor, Actor, Actor];
    // Nothing held yet: 0 of 0, and the dashboard says so.
    expect(await attendanceOf(trainer, cohortId)).toEqual([
      ["Groupe du mardi A", 0, 0],
      ["Groupe du mardi B", 0, 0],
      ["Groupe du mardi C", 0, 0],
    ]);
    await held(trainer, cohortId, "2026-12-01", [ana, bob, cid], [ana, bob]);
    await held(trainer, cohortId, "2026-12-08", [ana, cid], [ana]);
    // Held but attendance not marked yet: held, nobody counted present.
    const { id: unmarked } = await scheduleLiveSession(trainer, cohortId, sessionOn("2026-12-10"), EARLY);
    await registerForLiveSession(bob, unmarked, EARLY);
    // Cancelled, and still to come: not held.
    const { id: cancelled } = await scheduleLiveSession(trainer, cohortId, sessionOn("2026-12-05"), EARLY);
    await registerForLiveSession(cid, cancelled, EARLY);
    await cancelLiveSession(trainer, cohortId, cancelled, EARLY);
    const { id: upcoming } = await scheduleLiveSession(trainer, cohortId, sessionOn("2026-12-20"), EARLY);
    await registerForLiveSession(ana, upcoming, EARLY);
    // Another group of Cid's, with a session he attended: not this group's.
    const other = await group(0, "Autre groupe");
    const { joinCode } = await getCohortForTrainer(other.trainer, other.cohortId);
    await joinCohort(cid, joinCode!, JOINED);
    await held(other.trainer, other.cohortId, "2026-12-02", [cid], [cid]);

    expect(await attendanceOf(trainer, cohortId)).toEqual([
      ["Groupe du mardi A", 2, 3],
      ["Groupe du mardi B", 1, 3],
      ["Groupe du mardi C", 0, 3],
    ]);
    expect((await getCohortDashboard(trainer, cohortId, NOW)).liveHeldCount).toBe(3);
    // Before the third session started, two were held.
    expect((await getCohortDashboard(trainer, cohortId, new Date("2026-12-10T16:59:00Z"))).liveHeldCount).toBe(2);

    // The CSV: the same figures on every line of each learner, in two plain numbers.
    await createAssignment(trainer, cohortId, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });
    await createAssignment(trainer, cohortId, { itemKind: "chapter", itemId: "transition-numerique", dueKind: "none", dueOn: null, dueDays: null });
    const { stream } = await streamCohortCsv(trainer, cohortId, NOW);
    const text = await new Response(stream).text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "Apprenant·e;E-mail;Élément assigné;Type;Échéance;Échéance prolongée;Statut;Avancement (%);Temps regardé (min);Terminé le;Dernière activité;Sessions en direct suivies;Sessions en direct tenues",
    );
    const records = parse(text, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(3 * 2);
    expect(records.map((r) => [r["Apprenant·e"], r["Sessions en direct suivies"], r["Sessions en direct tenues"]])).toEqual(
      expect.arrayContaining([
        ["Groupe du mardi A", "2", "3"],
        ["Groupe du mardi B", "1", "3"],
        ["Groupe du mardi C", "0", "3"],
      ]),
    );
    for (const r of records) expect(r["Sessions en direct tenues"]).toBe("3");
    expect(new Set(records.filter((r) => r["Apprenant·e"] === "Groupe du mardi A").map((r) => r["Sessions en direct suivies"]))).toEqual(new Set(["2"]));
  });

  it("the CSV of a group without assignments has one line per learner, with their live sessions", async () => {
    const { trainer, cohortId, learners } = await group(2, "Sans affectation");
    await held(trainer, cohortId, "2026-12-01", learners, learners.slice(0, 1));
    const { stream } = await streamCohortCsv(trainer, cohortId, NOW);
    const records = parse(await new Response(stream).text(), { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r["Apprenant·e"], r["Élément assigné"], r.Statut, r["Sessions en direct suivies"], r["Sessions en direct tenues"]]).sort()).toEqual([
      ["Sans affectation A", "", "", "1", "1"],
      ["Sans affectation B", "", "", "0", "1"],
    ]);
  });

  it("reads the attendance in one statement: the dashboard's statement count does not grow with learners or sessions", { timeout: 120_000 }, async () => {
    const small = await group(2, "Petit");
    await held(small.trainer, small.cohortId, "2026-12-01", small.learners, small.learners.slice(0, 1));
    await createAssignment(small.trainer, small.cohortId, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });
    const big = await group(8, "Grand");
    for (const day of ["2026-12-01", "2026-12-03", "2026-12-08"]) await held(big.trainer, big.cohortId, day, big.learners, big.learners.slice(0, 5));
    await createAssignment(big.trainer, big.cohortId, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });

    // The first call prepares the statements.
    await getCohortDashboard(small.trainer, small.cohortId, NOW);
    const few = await countQueries(() => getCohortDashboard(small.trainer, small.cohortId, NOW));
    const many = await countQueries(() => getCohortDashboard(big.trainer, big.cohortId, NOW));
    expect(byName(many.result.rows).map((r) => r.liveSessions.attendedCount)).toEqual([3, 3, 3, 3, 3, 0, 0, 0]);
    expect(many.count).toBe(few.count);
    expect(many.statements.filter((s) => s.sql.includes(`"LiveRegistration"`))).toHaveLength(1);
  });
});
