/**
 * Search across module titles, summaries, objectives and transcripts, in French: accents and case
 * are ignored ("equipe" finds "équipe"), plurals are folded ("colis"/"frais" stay, "boutiques" →
 * "boutique", "journaux" → "journal"), a word of three letters or more also matches the start of a
 * longer one ("livr" finds "livraison"), and common French words are ignored.
 */
import type { Module } from "./content/types";

const STOP_WORDS = new Set(
  "a au aux avec ce ces comme dans de des du elle en est et il ils je la le les leur leurs ma mais me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos votre vous y d l j c s n m t qu".split(" "),
);
const MIN_PREFIX_LENGTH = 3;

export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A crude French singular: enough to make "boutiques" meet "boutique" without a dictionary. */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (word.length > 3 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stemWord);
}

type IndexedModule = { module: Module; title: Set<string>; summary: Set<string>; transcript: Map<string, number> };
export type SearchIndex = IndexedModule[];
export type SearchHit = { module: Module; score: number; snippet: string | null };

export function buildSearchIndex(modules: Iterable<Module>): SearchIndex {
  return [...modules].map((module) => {
    const transcript = new Map<string, number>();
    for (const word of tokenize(module.cues.map((c) => c.text).join(" "))) transcript.set(word, (transcript.get(word) ?? 0) + 1);
    return {
      module,
      title: new Set(tokenize(`${module.title.fr} ${module.title.en}`)),
      summary: new Set(tokenize(`${module.summary.fr} ${module.summary.en} ${module.objectives.join(" ")} ${module.keyPoints.join(" ")}`)),
      transcript,
    };
  });
}

function matches(indexed: Iterable<string>, term: string): string[] {
  const found: string[] = [];
  for (const word of indexed) if (word === term || (term.length >= MIN_PREFIX_LENGTH && word.startsWith(term))) found.push(word);
  return found;
}

/** Modules where every word of the query appears somewhere, best first (title > summary > transcript). */
export function searchModules(index: SearchIndex, query: string, limit = 30): SearchHit[] {
  const terms = [...new Set(tokenize(query))];
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    let score = 0;
    let isEveryTermFound = true;
    const transcriptWords: string[] = [];
    for (const term of terms) {
      const inTitle = matches(entry.title, term).length > 0;
      const inSummary = matches(entry.summary, term).length > 0;
      const inTranscript = matches(entry.transcript.keys(), term);
      if (!inTitle && !inSummary && inTranscript.length === 0) {
        isEveryTermFound = false;
        break;
      }
      transcriptWords.push(...inTranscript);
      score += (inTitle ? 10 : 0) + (inSummary ? 4 : 0) + Math.min(5, inTranscript.reduce((s, w) => s + (entry.transcript.get(w) ?? 0), 0));
    }
    if (!isEveryTermFound) continue;
    const snippetCue = transcriptWords.length
      ? entry.module.cues.find((cue) => tokenize(cue.text).some((w) => transcriptWords.includes(w)))
      : undefined;
    hits.push({ module: entry.module, score, snippet: snippetCue?.text ?? null });
  }
  return hits.sort((a, b) => b.score - a.score || a.module.id.localeCompare(b.module.id)).slice(0, limit);
}
