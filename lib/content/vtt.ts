/** A small WebVTT reader: cues with times and text; enough for the transcripts in content/. */
import type { Cue } from "./types";

export class VttError extends Error {}

function parseTimestamp(value: string, line: number): number {
  const match = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/.exec(value.trim());
  if (!match) throw new VttError(`line ${line}: bad timestamp "${value}" (expected hh:mm:ss.mmm)`);
  const [, h = "0", m, s, ms] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

export function parseVtt(source: string): Cue[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!/^WEBVTT( |\t|$)/.test(lines[0] ?? "")) throw new VttError("line 1: a WebVTT file starts with WEBVTT");
  const cues: Cue[] = [];
  let i = 1;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (!line.includes("-->")) {
      i++;
      continue;
    }
    const [start = "", end = ""] = line.split("-->");
    const startS = parseTimestamp(start, i + 1);
    const endS = parseTimestamp(end.trim().split(/\s+/)[0] ?? "", i + 1);
    if (endS <= startS) throw new VttError(`line ${i + 1}: a cue must end after it starts`);
    const previous = cues[cues.length - 1];
    if (previous && startS < previous.endS - 0.0005) throw new VttError(`line ${i + 1}: cues overlap or are out of order`);
    const textLines: string[] = [];
    i++;
    while (i < lines.length && (lines[i] ?? "").trim() !== "") textLines.push((lines[i++] ?? "").trim());
    const text = textLines.join(" ").trim();
    if (!text) throw new VttError(`line ${i}: a cue has no text`);
    cues.push({ startS, endS, text });
  }
  if (cues.length === 0) throw new VttError("no cue found");
  return cues;
}

/** Spoken words: tokens with a letter or a digit (French spaced punctuation « : ? » is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function formatTimestamp(totalS: number): string {
  const ms = Math.round(totalS * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor((ms % 3_600_000) / 60_000))}:${pad(Math.floor((ms % 60_000) / 1000))}.${pad(ms % 1000, 3)}`;
}

/** Cues back to a WebVTT file (the reverse of parseVtt). */
export function formatVtt(cues: Cue[]): string {
  return `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${formatTimestamp(c.startS)} --> ${formatTimestamp(c.endS)}\n${c.text}`).join("\n\n")}\n`;
}
