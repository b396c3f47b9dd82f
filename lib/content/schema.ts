/** zod schemas of the content files (format: content/README.md). */
import { z } from "zod";
import { CRITERIA } from "./types";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)");
const text = z.string().trim().min(1, "must not be empty");
const localized = z.object({ fr: text, en: text }).strict();
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"));
/** A source may give only a year or a month: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z
  .union([z.string(), z.number(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date YYYY, YYYY-MM or YYYY-MM-DD"));


export const chapterFileSchema = z
  .object({ id, order: z.number().int().min(1).max(7), title: localized, summary: localized })
  .strict();

const quizQuestionSchema = z
  .object({
    question: text,
    choices: z.array(text).min(3).max(4),
    answer: z.number().int().min(0),
    explanation: text,
  })
  .strict()
  .refine((q) => q.answer < q.choices.length, { message: "answer must be the index of one of the choices", path: ["answer"] });

export const moduleFileSchema = z
  .object({
    id,
    order: z.number().int().min(1),
    kind: z.enum(["tutoriel", "webinaire"]),
    // The programme's bounds (3–4 minutes) are a ContentPolicy check in assemble.ts.
    durationS: z.number().int().min(1).max(3600),
    title: localized,
    summary: localized,
    objectives: z.array(text).min(2).max(4),
    keyPoints: z.array(text).min(3).max(5),
    vendor: z.literal("amazon").optional(),
    neutralTwin: id.optional(),
    comparison: id.optional(),
    /** A real video file: a path under public/ (e.g. /media/x.mp4), or under MEDIA_BASE_URL when set. */
    video: z.string().regex(/^\/[A-Za-z0-9._\/-]+\.(mp4|webm)$/, "must be a path like /media/module.mp4").optional(),
    quiz: z.array(quizQuestionSchema).min(2).max(4),
  })
  .strict()
  .refine((m) => !m.vendor || m.neutralTwin, { message: "a vendor module must name its neutralTwin", path: ["neutralTwin"] })
  .refine((m) => !m.vendor || m.comparison, { message: "a vendor module must name its comparison", path: ["comparison"] })
  .refine((m) => m.vendor || !m.neutralTwin, { message: "only a vendor module has a neutralTwin", path: ["neutralTwin"] });

const factSchema = z
  .object({
    /** What the source says; for a « non communiqué » cell, an optional note of what was looked for. */
    value: text.optional(),
    source: z.string().url("must be a full URL").optional(),
    sourceKind: z.enum(["provider", "official", "press", "third-party"]).optional(),
    checkedAt: isoDate.optional(),
    sourceDate: partialDate.optional(),
    illustrative: z.literal(true).optional(),
    /** The provider does not say it: `source` is the page where it was looked for, on `checkedAt`. */
    notDisclosed: z.literal(true).optional(),
  })
  .strict()
  .superRefine((fact, ctx) => {
    if (fact.illustrative) {
      if (fact.source) ctx.addIssue({ code: "custom", message: "an illustrative value has no source", path: ["source"] });
      if (fact.notDisclosed) ctx.addIssue({ code: "custom", message: "an illustrative value cannot be « non communiqué »", path: ["notDisclosed"] });
      if (!fact.value) ctx.addIssue({ code: "custom", message: "an illustrative fact needs a value", path: ["value"] });
      return;
    }
    if (fact.notDisclosed) {
      if (!fact.source) ctx.addIssue({ code: "custom", message: "a « non communiqué » cell needs the page where it was looked for (source)", path: ["source"] });
      if (!fact.checkedAt) ctx.addIssue({ code: "custom", message: "a « non communiqué » cell needs checkedAt", path: ["checkedAt"] });
      if (fact.sourceDate) ctx.addIssue({ code: "custom", message: "a « non communiqué » cell has no sourceDate", path: ["sourceDate"] });
      return;
    }
    if (!fact.value) ctx.addIssue({ code: "custom", message: "a fact needs a value (or notDisclosed: true)", path: ["value"] });
    if (!fact.source) ctx.addIssue({ code: "custom", message: "a fact needs a source (or illustrative: true)", path: ["source"] });
    if (!fact.checkedAt) ctx.addIssue({ code: "custom", message: "a sourced fact needs checkedAt", path: ["checkedAt"] });
    if (!fact.sourceKind) ctx.addIssue({ code: "custom", message: "a sourced fact needs sourceKind", path: ["sourceKind"] });
  });

export const comparisonFileSchema = z
  .object({
    id,
    title: localized,
    criteria: z.array(z.enum(CRITERIA)).min(1),
    options: z
      .array(
        z
          .object({
            id,
            name: text,
            vendor: z.boolean().default(false),
            url: z.string().url("must be a full URL").optional(),
            facts: z.partialRecord(z.enum(CRITERIA), factSchema).default({}),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

export type ChapterFile = z.infer<typeof chapterFileSchema>;
export type ModuleFile = z.infer<typeof moduleFileSchema>;
export type ComparisonFile = z.infer<typeof comparisonFileSchema>;

/**
 * A content directory's own rules. The programme's are DEFAULT_CONTENT_POLICY; a test fixture
 * (tests/fixtures/content) carries a test-policy.yaml with shorter modules, so that end-to-end tests
 * can play a module to the end without waiting four minutes. content/ itself may not carry one.
 */
export const contentPolicySchema = z
  .object({
    chapterCount: z.number().int().min(1),
    minModulesPerChapter: z.number().int().min(1),
    durationS: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).strict(),
  })
  .strict();
export type ContentPolicy = z.infer<typeof contentPolicySchema>;
export const DEFAULT_CONTENT_POLICY: ContentPolicy = { chapterCount: 7, minModulesPerChapter: 5, durationS: { min: 180, max: 240 } };
