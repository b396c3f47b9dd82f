/** The programme as the app sees it: content files reshaped at one border (server/content/). */
export type Localized = { fr: string; en: string };
export type Cue = { startS: number; endS: number; text: string };
export type ModuleKind = "tutoriel" | "webinaire";
export type Vendor = "amazon";

export type QuizQuestion = { question: string; choices: string[]; answer: number; explanation: string };

export type Module = {
  id: string;
  chapterId: string;
  order: number;
  kind: ModuleKind;
  durationS: number;
  title: Localized;
  summary: Localized;
  objectives: string[];
  keyPoints: string[];
  vendor: Vendor | null;
  /** On a vendor module: the vendor-agnostic module on the same need. */
  neutralTwinId: string | null;
  /** On a neutral twin: the vendor module it replaces (derived from the vendor module). */
  replacesId: string | null;
  comparisonId: string | null;
  /** Path of a real video file, when the module has one (else the player simulates the video). */
  videoPath: string | null;
  quiz: QuizQuestion[];
  cues: Cue[];
  wordCount: number;
  /** Path under content/, for error messages and the content check. */
  sourceFile: string;
};

export type Chapter = {
  id: string;
  order: number;
  title: Localized;
  summary: Localized;
  modules: Module[];
  durationS: number;
};

export const CRITERIA = ["fees", "subscription", "customerRelationship", "lockIn", "dataHosting"] as const;
export type Criterion = (typeof CRITERIA)[number];
export type SourceKind = "provider" | "official" | "press" | "third-party";

export type Fact = {
  /** What the source says; for a « non communiqué » cell, an optional note of what was looked for. */
  value: string | null;
  /** « Non communiqué par le fournisseur »: `source` is the page where it was looked for, on `checkedAt`. */
  isNotDisclosed: boolean;
  source: string | null;
  sourceKind: SourceKind | null;
  /** Day the source was read (YYYY-MM-DD). */
  checkedAt: string | null;
  /** Date the source itself states for the figure (e.g. a price grid "en vigueur au …"), when it says one. */
  sourceDate: string | null;
  isIllustrative: boolean;
};

export type ComparisonOption = {
  id: string;
  name: string;
  isVendor: boolean;
  url: string | null;
  facts: Partial<Record<Criterion, Fact>>;
};

export type Comparison = { id: string; title: Localized; criteria: Criterion[]; options: ComparisonOption[]; sourceFile: string };

export type Programme = {
  chapters: Chapter[];
  modulesById: Map<string, Module>;
  comparisonsById: Map<string, Comparison>;
};
