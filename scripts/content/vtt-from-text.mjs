// Turns a plain-text transcript into a timed WebVTT file for content/.
// Usage: node scripts/content/vtt-from-text.mjs <transcript.txt> <out.vtt> <durationS>
// Why: authors write natural spoken French as paragraphs; cue times are then spread in
// proportion to the words of each cue, which matches a steady speaking rate, so the
// transcript and the module's duration cannot drift apart.
import { readFileSync, writeFileSync } from "node:fs";

const MAX_WORDS_PER_CUE = 18;

function splitSentences(text) {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«"0-9])/u)
    .filter(Boolean);
}

function splitLongSentence(sentence) {
  const words = sentence.split(" ");
  if (words.length <= MAX_WORDS_PER_CUE) return [sentence];
  const parts = Math.ceil(words.length / MAX_WORDS_PER_CUE);
  const size = Math.ceil(words.length / parts);
  const out = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(" "));
  return out;
}

function formatTime(totalS) {
  const ms = Math.round(totalS * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(rest, 3)}`;
}

const [input, output, durationArg] = process.argv.slice(2);
const durationS = Number(durationArg);
if (!input || !output || !Number.isFinite(durationS) || durationS <= 0) {
  console.error("usage: node scripts/content/vtt-from-text.mjs <transcript.txt> <out.vtt> <durationS>");
  process.exit(2);
}
const cues = splitSentences(readFileSync(input, "utf8")).flatMap(splitLongSentence);
const wordCounts = cues.map((c) => c.split(" ").length);
const totalWords = wordCounts.reduce((a, b) => a + b, 0);
// Leave one second of silence at each end of the video.
const speakingS = durationS - 2;
let t = 1;
const blocks = cues.map((text, i) => {
  const start = t;
  const end = t + (wordCounts[i] / totalWords) * speakingS;
  t = end;
  return `${i + 1}\n${formatTime(start)} --> ${formatTime(end)}\n${text}`;
});
writeFileSync(output, `WEBVTT\n\n${blocks.join("\n\n")}\n`);
const wpm = totalWords / (durationS / 60);
console.log(`${output}: ${cues.length} cues, ${totalWords} words, ${durationS} s, ${wpm.toFixed(0)} words/min`);
if (wpm < 120 || wpm > 170) console.error(`WARNING: ${wpm.toFixed(0)} words/min is outside 120–170: change durationS`);
