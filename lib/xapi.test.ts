import XAPI, { type Statement } from "@xapi/xapi";
import validateStatement from "xapi-validation";
import { describe, expect, it } from "vitest";
import {
  buildXapiStatements,
  isoDurationS,
  uuidV5,
  XAPI_VERBS,
  type XapiActivity,
  type XapiInput,
  type XapiModuleInfo,
  type XapiProgressRow,
  type XapiQuizAttempt,
  type XapiStatement,
} from "./xapi";

const URL_ = "https://formation.exemple.fr";
const USER = "cm0learner000000000000001";
const RFC_4122 = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const t = (iso: string) => new Date(iso);

const modules = new Map<string, XapiModuleInfo>([
  ["m1", { title: { fr: "Premier pas", en: "First step" }, durationS: 200 }],
  ["m2", { title: { fr: "Expédier", en: "Shipping" }, durationS: 187.5 }],
]);
const chapters = new Map([
  ["ch1", { fr: "Vendre en ligne", en: "Selling online" }],
  ["ch2", { fr: "Logistique", en: "Logistics" }],
]);

function row(overrides: Partial<XapiProgressRow> = {}): XapiProgressRow {
  return { moduleId: "m1", chapterId: "ch1", intervals: [], watchedS: 0, lastReportAt: null, completedAt: null, createdAt: t("2026-11-24T10:00:00Z"), ...overrides };
}

function attempt(overrides: Partial<XapiQuizAttempt> = {}): XapiQuizAttempt {
  return { id: "cmquiz000000000000000001", moduleId: "m1", score: 2, total: 3, isPassed: true, createdAt: t("2026-11-24T10:05:00Z"), ...overrides };
}

function build(input: Partial<XapiInput>): XapiStatement[] {
  return buildXapiStatements({ publicUrl: `${URL_}/`, userId: USER, locale: "fr", progress: [], quizAttempts: [], modules, chapters, ...input });
}

/** A learner several weeks in: modules watched in pieces, one completed, quizzes failed then passed, one module gone from the programme. */
function realisticInput(): Partial<XapiInput> {
  return {
    progress: [
      row({
        intervals: [[0, 200]],
        watchedS: 200,
        lastReportAt: t("2026-11-24T10:04:01.250Z"),
        completedAt: t("2026-11-24T10:07:00Z"),
      }),
      row({ moduleId: "m2", chapterId: "ch2", intervals: [[0, 12.25], [40.5, 90]], watchedS: 61.75, lastReportAt: t("2026-12-02T18:30:00Z"), createdAt: t("2026-12-02T18:28:00Z") }),
      row({ moduleId: "gone", chapterId: "old", intervals: [[0, 30]], watchedS: 30, lastReportAt: t("2026-11-30T08:00:30Z"), createdAt: t("2026-11-30T08:00:00Z") }),
    ],
    quizAttempts: [
      attempt({ id: "cmquiz000000000000000001", score: 1, isPassed: false, createdAt: t("2026-11-24T10:05:00Z") }),
      attempt({ id: "cmquiz000000000000000002", score: 3, isPassed: true, createdAt: t("2026-11-24T10:07:00Z") }),
      attempt({ id: "cmquiz000000000000000003", moduleId: "m2", score: 0, total: 4, isPassed: false, createdAt: t("2026-12-02T18:31:00Z") }),
    ],
  };
}

describe("isoDurationS", () => {
  it.each([
    [0, "PT0S"],
    [123.4, "PT123.4S"],
    [61.75, "PT61.75S"],
    [200, "PT200S"],
    [0.004, "PT0S"],
    [12.3456, "PT12.35S"],
    [3725, "PT3725S"],
  ])("%d s → %s", (seconds, expected) => {
    expect(isoDurationS(seconds)).toBe(expected);
  });

  it("agrees with @xapi/xapi's own duration helper on the length of a span", () => {
    // The library writes hours and minutes; both are the same ISO 8601 period.
    expect(XAPI.calculateISO8601Duration(new Date(0), new Date(123_400))).toBe("PT2M3.4S");
    expect(isoDurationS(123.4)).toBe("PT123.4S");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d", (seconds) => {
    expect(() => isoDurationS(seconds)).toThrow(RangeError);
  });
});

describe("uuidV5", () => {
  it("matches the RFC 4122 name-based algorithm (Python's uuid5(NAMESPACE_DNS, 'python.org'))", () => {
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });
});

describe("buildXapiStatements: one event, one statement", () => {
  const moduleId = `${URL_}/modules/m1`;
  const parent: XapiActivity[] = [{ objectType: "Activity", id: `${URL_}/chapters/ch1`, definition: { name: { "fr-FR": "Vendre en ligne", "en-US": "Selling online" }, type: "http://id.tincanapi.com/activitytype/chapter" } }];
  const table: [string, Partial<XapiInput>, Partial<XapiStatement>][] = [
    [
      "a progress row's creation → launched",
      { progress: [row()] },
      {
        verb: { id: "http://adlnet.gov/expapi/verbs/launched", display: { "fr-FR": "a lancé", "en-US": "launched" } },
        object: { objectType: "Activity", id: moduleId, definition: { name: { "fr-FR": "Premier pas", "en-US": "First step" }, type: "http://adlnet.gov/expapi/activities/module" } },
        timestamp: "2026-11-24T10:00:00.000Z",
        context: { platform: "Accélérateur libre", language: "fr-FR", contextActivities: { parent } },
      },
    ],
    [
      "the last report → progressed, with the intervals and the module's duration",
      { progress: [row({ intervals: [[0, 12.5], [30, 61.25]], watchedS: 43.75, lastReportAt: t("2026-11-24T10:01:10Z") })] },
      {
        verb: { id: "http://adlnet.gov/expapi/verbs/progressed", display: { "fr-FR": "a progressé dans", "en-US": "progressed" } },
        timestamp: "2026-11-24T10:01:10.000Z",
        result: {
          duration: "PT43.75S",
          extensions: { [`${URL_}/xapi/extensions/watched-intervals`]: [[0, 12.5], [30, 61.25]], [`${URL_}/xapi/extensions/module-duration`]: "PT200S" },
        },
      },
    ],
    [
      "completion → completed",
      { progress: [row({ intervals: [[0, 200]], watchedS: 200, lastReportAt: t("2026-11-24T10:02:00Z"), completedAt: t("2026-11-24T10:03:00Z") })] },
      {
        verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "fr-FR": "a terminé", "en-US": "completed" } },
        timestamp: "2026-11-24T10:03:00.000Z",
        result: {
          completion: true,
          duration: "PT200S",
          extensions: { [`${URL_}/xapi/extensions/watched-intervals`]: [[0, 200]], [`${URL_}/xapi/extensions/module-duration`]: "PT200S" },
        },
      },
    ],
    [
      "a passed quiz → passed, with the score",
      { progress: [row()], quizAttempts: [attempt({ score: 2, total: 3, isPassed: true })] },
      {
        verb: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "fr-FR": "a réussi", "en-US": "passed" } },
        object: { objectType: "Activity", id: `${moduleId}/quiz`, definition: { name: { "fr-FR": "Quiz : Premier pas", "en-US": "Quiz: First step" }, type: "http://adlnet.gov/expapi/activities/assessment" } },
        result: { score: { scaled: 2 / 3, raw: 2, min: 0, max: 3 }, success: true, completion: true },
        timestamp: "2026-11-24T10:05:00.000Z",
      },
    ],
    [
      "a failed quiz → failed, the module as parent and the chapter as grouping",
      { progress: [row()], quizAttempts: [attempt({ score: 0, total: 4, isPassed: false })] },
      {
        verb: { id: "http://adlnet.gov/expapi/verbs/failed", display: { "fr-FR": "a échoué à", "en-US": "failed" } },
        result: { score: { scaled: 0, raw: 0, min: 0, max: 4 }, success: false, completion: true },
        context: {
          platform: "Accélérateur libre",
          language: "fr-FR",
          contextActivities: {
            parent: [{ objectType: "Activity", id: moduleId, definition: { name: { "fr-FR": "Premier pas", "en-US": "First step" }, type: "http://adlnet.gov/expapi/activities/module" } }],
            grouping: parent,
          },
        },
      },
    ],
  ];

  it.each(table)("%s", (_name, input, expected) => {
    const statements = build(input);
    const verbId = expected.verb!.id;
    const found = statements.filter((s) => s.verb.id === verbId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
    expect(found[0]!.actor).toEqual({ objectType: "Agent", account: { homePage: URL_, name: USER } });
    expect(found[0]!.id).toMatch(RFC_4122);
  });

  it("a row without reports (a quiz tried first) has no progressed statement; an unfinished one no completed", () => {
    expect(build({ progress: [row()] }).map((s) => s.verb.id)).toEqual([XAPI_VERBS.launched.id]);
  });

  it("orders by time, then launched → progressed → completed → quiz at the same instant", () => {
    const at = t("2026-11-24T10:00:00Z");
    const statements = build({ progress: [row({ createdAt: at, lastReportAt: at, completedAt: at })], quizAttempts: [attempt({ createdAt: at })] });
    expect(statements.map((s) => s.verb.id)).toEqual([XAPI_VERBS.launched.id, XAPI_VERBS.progressed.id, XAPI_VERBS.completed.id, XAPI_VERBS.passed.id]);
  });

  it("speaks English to an English-speaking learner", () => {
    expect(buildXapiStatements({ ...realisticInput(), publicUrl: URL_, userId: USER, locale: "en", modules, chapters } as XapiInput)[0]!.context.language).toBe("en-US");
  });

  it("a module that left the programme keeps its id as its name, and no duration", () => {
    const progressed = build(realisticInput()).find((s) => s.object.id === `${URL_}/modules/gone` && s.verb.id === XAPI_VERBS.progressed.id)!;
    expect(progressed.object.definition.name).toEqual({ "fr-FR": "gone", "en-US": "gone" });
    expect(progressed.context.contextActivities.parent[0]!.definition.name).toEqual({ "fr-FR": "old", "en-US": "old" });
    expect(progressed.result!.extensions).toEqual({ [`${URL_}/xapi/extensions/watched-intervals`]: [[0, 30]] });
  });
});

describe("statement ids", () => {
  it("are RFC 4122 UUIDs (version 5, variant 10xx), all different", () => {
    const ids = build(realisticInput()).map((s) => s.id);
    expect(ids.length).toBe(10);
    for (const id of ids) expect(id).toMatch(RFC_4122);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are the same on a second export, whatever the order of the rows", () => {
    const input = realisticInput();
    const again = { ...input, progress: [...input.progress!].reverse(), quizAttempts: [...input.quizAttempts!].reverse() };
    expect(build(again)).toEqual(build(input));
  });

  it("depend on the learner and the platform, and change when the learner progressed further", () => {
    const ids = (input: Partial<XapiInput>) => build(input).map((s) => s.id);
    const base = realisticInput();
    const first = ids(base);
    expect(ids({ ...base, userId: "cm0learner000000000000002" }).some((id) => first.includes(id))).toBe(false);
    expect(ids({ ...base, publicUrl: "https://autre.exemple.fr" }).some((id) => first.includes(id))).toBe(false);
    const later = { ...base, progress: base.progress!.map((r) => (r.moduleId === "m2" ? { ...r, lastReportAt: t("2026-12-03T09:00:00Z") } : r)) };
    expect(ids(later).filter((id) => !first.includes(id))).toHaveLength(1);
  });
});

describe("validity against an xAPI validator and an xAPI library", () => {
  it("every statement of a realistic record passes Learning Locker's validator (xapi-validation)", () => {
    const statements = build(realisticInput());
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      // Validate what leaves the platform: the JSON text, not the objects in memory.
      const warnings = validateStatement(JSON.parse(JSON.stringify(statement)));
      expect(warnings.map((w) => `${w.path.join(".")}: ${w.constructor.name}`), statement.verb.id).toEqual([]);
    }
  });

  const broken: [string, (s: Record<string, any>) => void, string][] = [
    ["no verb id", (s) => delete s.verb.id, "statement.verb.id"],
    ["an id that is not a UUID", (s) => (s.id = "not-a-uuid"), "statement.id"],
    ["a duration that is not ISO 8601", (s) => (s.result.duration = "123.4 s"), "statement.result.duration"],
    ["a raw score above the maximum", (s) => (s.result.score = { scaled: 0.5, raw: 5, min: 0, max: 3 }), "statement.result.score"],
    ["an actor without an identifier", (s) => delete s.actor.account, "statement.actor"],
  ];
  it.each(broken)("rejects a statement with %s (the check can fail)", (_name, breakIt, path) => {
    const statement = JSON.parse(JSON.stringify(build(realisticInput()).find((s) => s.result?.duration && s.result.score === undefined)!));
    if (path === "statement.result.score") Object.assign(statement, JSON.parse(JSON.stringify(build(realisticInput()).find((s) => s.result?.score)!)));
    breakIt(statement);
    const warnings = validateStatement(statement);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.map((w) => w.path.join("."))).toContainEqual(expect.stringContaining(path));
  });

  it("loads in @xapi/xapi: its Statement type, its verb constants, and a sendStatements through it to an in-memory LRS", async () => {
    const statements: Statement[] = build(realisticInput());
    for (const verb of ["PROGRESSED", "COMPLETED", "PASSED", "FAILED"] as const) {
      expect(Object.values(XAPI_VERBS).map((v) => v.id)).toContain(XAPI.Verbs[verb].id);
    }
    const received: { method: string; url: string; headers?: Record<string, unknown>; data?: unknown }[] = [];
    const lrs = new XAPI({
      endpoint: "https://lrs.invalid/xapi/",
      version: "1.0.3",
      adapter: async <T,>(request: { method: string; url: string; headers?: Record<string, unknown>; data?: unknown }) => {
        received.push(request);
        return { data: statements.map((s) => s.id) as T, headers: {}, status: 200 };
      },
    });
    const response = await lrs.sendStatements({ statements });
    expect(response.data).toEqual(statements.map((s) => s.id));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "https://lrs.invalid/xapi/statements", headers: { "X-Experience-API-Version": "1.0.3" } });
    expect(JSON.parse(JSON.stringify(received[0]!.data))).toEqual(JSON.parse(JSON.stringify(statements)));
  });
});
