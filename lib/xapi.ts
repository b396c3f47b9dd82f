/**
 * A learner's learning record as xAPI 1.0.3 statements (GDPR art. 20: data portability), built from
 * plain rows. Pure: the data layer (server/data/account-export.ts) passes the rows, the programme's
 * titles and the platform's public URL in.
 *
 * Mapping (documented in the README, "Learners' data: export"):
 * - actor: the learner's account on this platform (`account.homePage` = public URL, `name` = user id);
 *   no e-mail, no name.
 * - launched  = a progress row's createdAt (first opening of the module, or first quiz attempt);
 *   progressed = its lastReportAt, with the merged watched intervals;
 *   completed  = its completedAt;
 *   passed / failed = each quiz attempt, with its score.
 * - activities: `<publicUrl>/modules/<moduleId>` (type module), `<publicUrl>/modules/<moduleId>/quiz`
 *   (type assessment), `<publicUrl>/chapters/<chapterId>` (context parent; grouping for the quiz, whose
 *   parent is its module).
 * - ids: UUID version 5 (RFC 4122 § 4.3) of the public URL, the user id and the event, so that
 *   exporting again gives the same ids and a Learning Record Store sees the same statements.
 *
 * No `version`, `stored` or `authority`: a Learning Record Store sets those itself.
 */
import { createHash } from "node:crypto";
import type { Localized } from "./content/types";
import type { Interval } from "./progress";

export const XAPI_VERSION = "1.0.3";
export const PLATFORM_NAME = "Accélérateur libre";

/** The ADL verbs used, with their display in French and English. */
export const XAPI_VERBS = {
  launched: { id: "http://adlnet.gov/expapi/verbs/launched", display: { "fr-FR": "a lancé", "en-US": "launched" } },
  progressed: { id: "http://adlnet.gov/expapi/verbs/progressed", display: { "fr-FR": "a progressé dans", "en-US": "progressed" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "fr-FR": "a terminé", "en-US": "completed" } },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "fr-FR": "a réussi", "en-US": "passed" } },
  failed: { id: "http://adlnet.gov/expapi/verbs/failed", display: { "fr-FR": "a échoué à", "en-US": "failed" } },
} as const;
export type XapiVerbName = keyof typeof XAPI_VERBS;

export const ACTIVITY_TYPES = {
  module: "http://adlnet.gov/expapi/activities/module",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  /** From the xAPI registry (id.tincanapi.com): a chapter of a larger work. */
  chapter: "http://id.tincanapi.com/activitytype/chapter",
} as const;

/** Fixed namespace of this platform's statement ids (UUID v5); never change it, or every id changes. */
const STATEMENT_ID_NAMESPACE = "3d4a3aa7-7384-4154-8d99-b61f15c1b897";

export type LanguageMap = Record<string, string>;
export type XapiActivity = {
  objectType: "Activity";
  id: string;
  definition: { name: LanguageMap; type: string };
};
export type XapiStatement = {
  id: string;
  actor: { objectType: "Agent"; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    platform: string;
    language: string;
    contextActivities: { parent: XapiActivity[]; grouping?: XapiActivity[] };
  };
  timestamp: string;
};

/** What the statements need of one module of the programme. */
export type XapiModuleInfo = { title: Localized; durationS: number };

export type XapiProgressRow = {
  moduleId: string;
  chapterId: string;
  intervals: readonly Interval[];
  watchedS: number;
  lastReportAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
};

export type XapiQuizAttempt = { id: string; moduleId: string; score: number; total: number; isPassed: boolean; createdAt: Date };

export type XapiInput = {
  /** The platform's public URL (NEXTAUTH_URL); a trailing slash is ignored. */
  publicUrl: string;
  userId: string;
  /** The learner's language ("fr" | "en"), for `context.language`. */
  locale: string;
  progress: readonly XapiProgressRow[];
  quizAttempts: readonly XapiQuizAttempt[];
  /** The programme's modules and chapters by id; a row whose module or chapter left the programme is named by its id. */
  modules: ReadonlyMap<string, XapiModuleInfo>;
  chapters: ReadonlyMap<string, Localized>;
};

/** Seconds as an ISO 8601 duration, to the hundredth (what an LRS keeps): 123.4 → "PT123.4S". */
export function isoDurationS(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Not a duration in seconds: ${seconds}`);
  return `PT${Math.round(seconds * 100) / 100}S`;
}

/** A name-based UUID, version 5 (SHA-1), as RFC 4122 § 4.3 defines it. */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (namespaceBytes.length !== 16) throw new RangeError(`Not a UUID: ${namespace}`);
  const bytes = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant RFC 4122
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function xapiLanguage(locale: string): string {
  return locale === "en" ? "en-US" : "fr-FR";
}

function languageMap(text: Localized): LanguageMap {
  return { "fr-FR": text.fr, "en-US": text.en };
}

/** Extension IRIs, under the platform's own URL. */
export function xapiExtensions(publicUrl: string) {
  const base = trimUrl(publicUrl);
  return {
    /** Merged watched intervals of the module's video, [[startS, endS], …] in seconds. */
    watchedIntervals: `${base}/xapi/extensions/watched-intervals`,
    /** The module's length, an ISO 8601 duration. */
    moduleDuration: `${base}/xapi/extensions/module-duration`,
  };
}

function stamp(at: Date): string {
  return at.toISOString();
}

function trimUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

export function moduleActivityId(publicUrl: string, moduleId: string): string {
  return `${trimUrl(publicUrl)}/modules/${encodeURIComponent(moduleId)}`;
}

export function quizActivityId(publicUrl: string, moduleId: string): string {
  return `${moduleActivityId(publicUrl, moduleId)}/quiz`;
}

export function chapterActivityId(publicUrl: string, chapterId: string): string {
  return `${trimUrl(publicUrl)}/chapters/${encodeURIComponent(chapterId)}`;
}

/**
 * The learner's learning record, oldest first. Events at the same instant keep the order
 * launched → progressed → completed → quiz, then go by id, so the array is stable.
 */
export function buildXapiStatements(input: XapiInput): XapiStatement[] {
  const base = trimUrl(input.publicUrl);
  const extensionIris = xapiExtensions(base);
  const actor = { objectType: "Agent" as const, account: { homePage: base, name: input.userId } };
  const context = (parent: XapiActivity[], grouping?: XapiActivity[]) => ({
    platform: PLATFORM_NAME,
    language: xapiLanguage(input.locale),
    contextActivities: grouping ? { parent, grouping } : { parent },
  });
  const titleOf = (moduleId: string): Localized => input.modules.get(moduleId)?.title ?? { fr: moduleId, en: moduleId };
  const moduleActivity = (moduleId: string): XapiActivity => ({
    objectType: "Activity",
    id: moduleActivityId(base, moduleId),
    definition: { name: languageMap(titleOf(moduleId)), type: ACTIVITY_TYPES.module },
  });
  const chapterActivity = (chapterId: string): XapiActivity => ({
    objectType: "Activity",
    id: chapterActivityId(base, chapterId),
    definition: { name: languageMap(input.chapters.get(chapterId) ?? { fr: chapterId, en: chapterId }), type: ACTIVITY_TYPES.chapter },
  });
  const statement = (verb: XapiVerbName, event: string, at: Date, rest: Pick<XapiStatement, "object" | "context"> & Pick<Partial<XapiStatement>, "result">): XapiStatement => ({
    id: uuidV5(`${base}|${input.userId}|${event}`, STATEMENT_ID_NAMESPACE),
    actor,
    verb: { id: XAPI_VERBS[verb].id, display: { ...XAPI_VERBS[verb].display } },
    ...rest,
    timestamp: at.toISOString(),
  });

  const dated: { at: Date; rank: number; statement: XapiStatement }[] = [];
  for (const row of input.progress) {
    const object = moduleActivity(row.moduleId);
    const parent = [chapterActivity(row.chapterId)];
    const durationS = input.modules.get(row.moduleId)?.durationS;
    const watched = {
      duration: isoDurationS(row.watchedS),
      extensions: {
        [extensionIris.watchedIntervals]: row.intervals.map(([startS, endS]) => [startS, endS]),
        ...(durationS === undefined ? {} : { [extensionIris.moduleDuration]: isoDurationS(durationS) }),
      },
    };
    dated.push({ at: row.createdAt, rank: 0, statement: statement("launched", `launched|${row.moduleId}|${stamp(row.createdAt)}`, row.createdAt, { object, context: context(parent) }) });
    if (row.lastReportAt) {
      dated.push({
        at: row.lastReportAt,
        rank: 1,
        statement: statement("progressed", `progressed|${row.moduleId}|${stamp(row.lastReportAt)}`, row.lastReportAt, { object, result: watched, context: context(parent) }),
      });
    }
    if (row.completedAt) {
      dated.push({
        at: row.completedAt,
        rank: 2,
        statement: statement("completed", `completed|${row.moduleId}|${stamp(row.completedAt)}`, row.completedAt, {
          object,
          result: { completion: true, ...watched },
          context: context(parent),
        }),
      });
    }
  }
  const chapterOf = new Map(input.progress.map((row) => [row.moduleId, row.chapterId]));
  for (const attempt of input.quizAttempts) {
    const quiz: XapiActivity = {
      objectType: "Activity",
      id: quizActivityId(base, attempt.moduleId),
      definition: {
        name: { "fr-FR": `Quiz : ${titleOf(attempt.moduleId).fr}`, "en-US": `Quiz: ${titleOf(attempt.moduleId).en}` },
        type: ACTIVITY_TYPES.assessment,
      },
    };
    const chapterId = chapterOf.get(attempt.moduleId);
    const verb = attempt.isPassed ? "passed" : "failed";
    dated.push({
      at: attempt.createdAt,
      rank: 3,
      statement: statement(verb, `quiz|${attempt.id}`, attempt.createdAt, {
        object: quiz,
        result: {
          score: { scaled: attempt.total > 0 ? attempt.score / attempt.total : 0, raw: attempt.score, min: 0, max: attempt.total },
          success: attempt.isPassed,
          completion: true,
        },
        context: context([moduleActivity(attempt.moduleId)], chapterId ? [chapterActivity(chapterId)] : undefined),
      }),
    });
  }
  return dated
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank || a.statement.id.localeCompare(b.statement.id))
    .map((d) => d.statement);
}
