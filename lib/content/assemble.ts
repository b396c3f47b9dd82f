/**
 * Turns validated content files into the Programme and checks what no single file can:
 * unique ids, seven ordered chapters, twins and comparisons that exist, speech rate against the
 * duration, and facts older than 18 months (reported as stale, not fatal).
 */
import { DEFAULT_CONTENT_POLICY, type ChapterFile, type ComparisonFile, type ContentPolicy, type ModuleFile } from "./schema";
import { CRITERIA, type Chapter, type Comparison, type Cue, type Module, type Programme } from "./types";
import { countWords } from "./vtt";
import { dayOf } from "../calendar-day";

export const SPEECH_RATE_WPM = { min: 120, max: 170 } as const;
export const STALE_AFTER_MONTHS = 18;

export type ContentIssue = { severity: "error" | "warning"; file: string; field: string; message: string };

export type ContentFiles = {
  chapters: { file: string; data: ChapterFile; modules: { file: string; data: ModuleFile; cues: Cue[] }[] }[];
  comparisons: { file: string; data: ComparisonFile }[];
};

/** The day a date stands for (YYYY, YYYY-MM or YYYY-MM-DD): a partial date counts from its last day. */
export function dayOfPartialDate(iso: string): Date {
  const [year = "1970", month, day] = iso.split("-");
  if (!month) return new Date(Date.UTC(Number(year), 11, 31));
  return day ? new Date(`${iso}T00:00:00Z`) : new Date(Date.UTC(Number(year), Number(month), 0));
}

/** Whole months from a date (YYYY, YYYY-MM or YYYY-MM-DD; a partial date counts from its last day) to `later`. */
export function monthsBetween(earlierIso: string, later: Date): number {
  const earlier = dayOfPartialDate(earlierIso);
  return (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + (later.getUTCMonth() - earlier.getUTCMonth()) - (later.getUTCDate() < earlier.getUTCDate() ? 1 : 0);
}

export function assembleProgramme(
  files: ContentFiles,
  today: Date,
  policy: ContentPolicy = DEFAULT_CONTENT_POLICY,
): { programme: Programme; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const error = (file: string, field: string, message: string) => issues.push({ severity: "error", file, field, message });
  const warn = (file: string, field: string, message: string) => issues.push({ severity: "warning", file, field, message });

  const comparisonsById = new Map<string, Comparison>();
  for (const { file, data } of files.comparisons) {
    if (comparisonsById.has(data.id)) error(file, "id", `duplicate comparison id "${data.id}"`);
    if (!data.options.some((o) => !o.vendor)) error(file, "options", "a comparison needs at least one neutral option");
    const optionIds = new Set<string>();
    data.options.forEach((option, i) => {
      if (optionIds.has(option.id)) error(file, `options.${i}.id`, `duplicate option id "${option.id}"`);
      optionIds.add(option.id);
      for (const criterion of CRITERIA) {
        const fact = option.facts[criterion];
        if (!fact) {
          if (data.criteria.includes(criterion)) {
            error(file, `options.${i}.facts.${criterion}`, `empty cell: give a sourced fact or notDisclosed: true with the page where it was looked for (${option.name})`);
          }
          continue;
        }
        if (fact.checkedAt && fact.checkedAt > dayOf(today)) {
          error(file, `options.${i}.facts.${criterion}.checkedAt`, `checkedAt ${fact.checkedAt} is in the future (${option.name})`);
        }
        for (const [field, date] of [["checkedAt", fact.checkedAt], ["sourceDate", fact.sourceDate]] as const) {
          if (date && monthsBetween(date, today) >= STALE_AFTER_MONTHS) {
            warn(file, `options.${i}.facts.${criterion}.${field}`, `stale: ${field} ${date} is more than ${STALE_AFTER_MONTHS} months old (${option.name})`);
          }
        }
      }
    });
    comparisonsById.set(data.id, {
      id: data.id,
      title: data.title,
      criteria: data.criteria,
      sourceFile: file,
      options: data.options.map((o) => ({
        id: o.id,
        name: o.name,
        isVendor: o.vendor,
        url: o.url ?? null,
        facts: Object.fromEntries(
          Object.entries(o.facts).map(([criterion, f]) => [
            criterion,
            {
              value: f.value ?? null,
              isNotDisclosed: f.notDisclosed === true,
              source: f.source ?? null,
              sourceKind: f.sourceKind ?? null,
              checkedAt: f.checkedAt ?? null,
              sourceDate: f.sourceDate ?? null,
              isIllustrative: f.illustrative === true,
            },
          ]),
        ),
      })),
    });
  }

  const modulesById = new Map<string, Module>();
  const chapterIds = new Set<string>();
  const chapters: Chapter[] = [];
  for (const chapterFile of [...files.chapters].sort((a, b) => a.data.order - b.data.order)) {
    const { data, file } = chapterFile;
    if (chapterIds.has(data.id)) error(file, "id", `duplicate chapter id "${data.id}"`);
    chapterIds.add(data.id);
    if (chapterFile.modules.length < policy.minModulesPerChapter) {
      error(file, "modules", `a chapter needs at least ${policy.minModulesPerChapter} modules (has ${chapterFile.modules.length})`);
    }
    const orders = new Set<number>();
    const modules: Module[] = [];
    for (const { file: moduleFile, data: m, cues } of [...chapterFile.modules].sort((a, b) => a.data.order - b.data.order)) {
      if (modulesById.has(m.id)) error(moduleFile, "id", `duplicate module id "${m.id}" (also in ${modulesById.get(m.id)!.sourceFile})`);
      if (orders.has(m.order)) error(moduleFile, "order", `two modules of the chapter have order ${m.order}`);
      orders.add(m.order);
      if (m.durationS < policy.durationS.min || m.durationS > policy.durationS.max) {
        error(moduleFile, "durationS", `${m.durationS} s is outside ${policy.durationS.min}–${policy.durationS.max} s`);
      }
      const wordCount = countWords(cues.map((c) => c.text).join(" "));
      const wpm = wordCount / (m.durationS / 60);
      if (wpm < SPEECH_RATE_WPM.min || wpm > SPEECH_RATE_WPM.max) {
        error(moduleFile, "durationS", `${wordCount} words in ${m.durationS} s is ${wpm.toFixed(0)} words/min, outside ${SPEECH_RATE_WPM.min}–${SPEECH_RATE_WPM.max}`);
      }
      const lastCue = cues[cues.length - 1];
      if (lastCue && lastCue.endS > m.durationS + 0.001) error(moduleFile, "durationS", `the transcript ends at ${lastCue.endS.toFixed(1)} s, after durationS ${m.durationS}`);
      if (m.comparison && !comparisonsById.has(m.comparison)) error(moduleFile, "comparison", `no comparison "${m.comparison}" in content/alternatives/`);
      const module: Module = {
        id: m.id,
        chapterId: data.id,
        order: m.order,
        kind: m.kind,
        durationS: m.durationS,
        title: m.title,
        summary: m.summary,
        objectives: m.objectives,
        keyPoints: m.keyPoints,
        vendor: m.vendor ?? null,
        neutralTwinId: m.neutralTwin ?? null,
        replacesId: null,
        comparisonId: m.comparison ?? null,
        videoPath: m.video ?? null,
        quiz: m.quiz,
        cues,
        wordCount,
        sourceFile: moduleFile,
      };
      modulesById.set(m.id, module);
      modules.push(module);
    }
    chapters.push({ id: data.id, order: data.order, title: data.title, summary: data.summary, modules, durationS: modules.reduce((s, m) => s + m.durationS, 0) });
  }

  const expectedOrders = Array.from({ length: policy.chapterCount }, (_, i) => i + 1).join(",");
  if (chapters.map((c) => c.order).join(",") !== expectedOrders) {
    error("content/chapters", "order", `the programme needs chapters ordered 1 to ${policy.chapterCount}, found ${chapters.map((c) => c.order).join(", ") || "none"}`);
  }

  for (const module of modulesById.values()) {
    if (!module.neutralTwinId) continue;
    const twin = modulesById.get(module.neutralTwinId);
    if (!twin) {
      error(module.sourceFile, "neutralTwin", `no module with id "${module.neutralTwinId}"`);
    } else if (twin.vendor) {
      error(module.sourceFile, "neutralTwin", `"${twin.id}" is itself a vendor module`);
    } else if (twin.replacesId) {
      error(module.sourceFile, "neutralTwin", `"${twin.id}" is already the twin of "${twin.replacesId}"`);
    } else {
      twin.replacesId = module.id;
      if (!twin.comparisonId) twin.comparisonId = module.comparisonId;
    }
  }

  return { programme: { chapters, modulesById, comparisonsById }, issues };
}
