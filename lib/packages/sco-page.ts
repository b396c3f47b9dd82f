/**
 * The HTML page of one module's SCO (SCORM package): the module as learners know it, readable
 * without JavaScript, with the player's controls that the runtime (packages/runtime/sco.ts) brings
 * to life. Self-contained: the only resources are the package's own runtime and style sheet
 * (relative addresses); links to the comparison's sources open in a new window and load nothing.
 * French only, like the packages.
 */
import { PLAYBACK_RATES } from "@/lib/progress";
import { WATCHED_SHARE, type ScoData } from "./sco-data";
import type { Comparison, Fact, Module } from "@/lib/content/types";
import { checkedRange } from "@/lib/content/freshness";
import { formatClock, formatDuration, formatIsoDate, hostnameOf } from "@/lib/format";
import { makeTranslator } from "@/lib/i18n";
import { passingScore } from "@/lib/quiz";

export type { ScoData } from "./sco-data";

export type ScoPageInput = {
  module: Module;
  /** On a vendor module: its neutral twin, named on the page. */
  twin: Module | null;
  comparison: Comparison | null;
  runtimeHref: string;
  styleHref: string;
  /** The licence of the content, shown in the footer. */
  licence: string;
  /** The module's chapter, for the line above the title (optional). */
  chapter?: { order: number; title: string } | null;
};

const t = makeTranslator("fr");

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** JSON to place inside a `<script type="application/json">`: `<` (so `</script>` and `<!--`) and the line separators escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** What the runtime needs, as the page carries it (quiz answers included: the package is offline content). */
export function scoData(module: Module): ScoData {
  const total = module.quiz.length;
  return {
    moduleId: module.id,
    title: module.title.fr,
    durationS: module.durationS,
    cues: module.cues,
    quiz: module.quiz,
    passingScore: passingScore(total),
    masteryScore: total > 0 ? passingScore(total) / total : 0,
    watchedShare: WATCHED_SHARE,
  };
}

const list = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;

function factHtml(fact: Fact | undefined): string {
  if (!fact) return `<span class="muted">${escapeHtml(t("comparison.notVerified"))}</span>`;
  const details: string[] = [];
  if (fact.isIllustrative) details.push(escapeHtml(t("comparison.illustrative")));
  else {
    if (fact.source) {
      details.push(
        `<a href="${escapeHtml(fact.source)}" target="_blank" rel="noopener noreferrer nofollow">${escapeHtml(t(fact.isNotDisclosed ? "comparison.lookedAt" : "comparison.source", { host: hostnameOf(fact.source) }))}<span class="visually-hidden"> (nouvelle fenêtre)</span></a>` +
          (fact.sourceKind ? ` (${escapeHtml(t(`sourceKind.${fact.sourceKind}`))})` : ""),
      );
    }
    if (fact.checkedAt) details.push(escapeHtml(t("comparison.checkedAt", { date: formatIsoDate(fact.checkedAt, "fr") })));
    if (fact.sourceDate) details.push(escapeHtml(t("comparison.sourceDate", { date: formatIsoDate(fact.sourceDate, "fr") })));
  }
  const said = [fact.isNotDisclosed ? `<p class="muted">${escapeHtml(t("comparison.notDisclosed"))}</p>` : "", fact.value ? `<p>${escapeHtml(fact.value)}</p>` : ""].join("");
  return `${said}${details.length ? `<p class="small">${details.join(", ")}</p>` : ""}`;
}

/** The comparison's dates as a whole; a package lives on in an LMS, so it states dates, not an age. */
function checkedLine(comparison: Comparison): string {
  const range = checkedRange(comparison);
  if (!range) return "";
  const text =
    range.earliest === range.latest
      ? t("comparison.checkedWhole", { date: formatIsoDate(range.latest, "fr") })
      : t("comparison.checkedBetween", { earliest: formatIsoDate(range.earliest, "fr"), latest: formatIsoDate(range.latest, "fr") });
  return `<p class="small">${escapeHtml(text)}</p>`;
}

function comparisonHtml(comparison: Comparison): string {
  const title = comparison.title.fr;
  const head = comparison.options
    .map((o) => `<th scope="col"${o.isVendor ? ' class="vendor"' : ""}>${escapeHtml(o.name)}${o.isVendor ? `<span class="small block">${escapeHtml(t("comparison.vendor"))}</span>` : ""}</th>`)
    .join("");
  const rows = comparison.criteria
    .map(
      (criterion) =>
        `<tr><th scope="row">${escapeHtml(t(`criterion.${criterion}`))}</th>${comparison.options
          .map((o) => `<td${o.isVendor ? ' class="vendor"' : ""}>${factHtml(o.facts[criterion])}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<section aria-labelledby="comparison-heading" id="comparison">
<h2 id="comparison-heading">${escapeHtml(`${t("comparison.title")} — ${title}`)}</h2>
<p class="small">${escapeHtml(t("comparison.caption"))}</p>
${checkedLine(comparison)}
<div class="table-frame" tabindex="0" role="group" aria-labelledby="comparison-caption">
<table><caption id="comparison-caption">${escapeHtml(t("comparison.tableCaption", { title }))}</caption>
<thead><tr><th scope="col">${escapeHtml(t("comparison.criterion"))}</th>${head}</tr></thead>
<tbody>${rows}</tbody></table>
</div>
</section>`;
}

function playerHtml(module: Module): string {
  const total = formatClock(module.durationS);
  const rates = PLAYBACK_RATES.map((r) => `<option value="${r}"${r === 1 ? " selected" : ""}>${String(r).replace(".", ",")} ×</option>`).join("");
  return `<section aria-labelledby="player-heading" id="player">
<h2 id="player-heading" class="visually-hidden">Vidéo</h2>
<div class="player" id="sco-player" role="group" aria-label="${escapeHtml(t("player.label", { title: module.title.fr }))}">
<div class="slide" aria-hidden="true"><p id="sco-slide">${escapeHtml(module.title.fr)}</p></div>
<p class="captions" id="sco-captions"></p>
<noscript><p class="notice">${escapeHtml(t("player.needsJavaScript"))}</p></noscript>
<div class="controls">
<button type="button" id="sco-play" disabled>${escapeHtml(t("player.play"))}</button>
<label class="visually-hidden" for="sco-seek">${escapeHtml(t("player.position"))}</label>
<input type="range" id="sco-seek" min="0" max="${module.durationS}" step="1" value="0" aria-valuetext="${escapeHtml(t("player.positionText", { current: "0:00", total }))}" disabled>
<span id="sco-time" class="time">0:00 / ${total}</span>
<label for="sco-speed">${escapeHtml(t("player.speed"))}</label>
<select id="sco-speed" disabled>${rates}</select>
<label class="check"><input type="checkbox" id="sco-captions-toggle" checked disabled> ${escapeHtml(t("player.captions"))}</label>
</div>
<p class="small" id="sco-help">Clavier : Espace ou K = lecture ou pause, flèches gauche et droite = 5 secondes en arrière ou en avant.</p>
<p class="small" id="sco-watched" role="status"></p>
</div>
</section>`;
}

function transcriptHtml(module: Module): string {
  const cues = module.cues
    .map((cue) => `<li><button type="button" class="cue" data-start="${cue.startS}"><span class="stamp">${formatClock(cue.startS)}</span> ${escapeHtml(cue.text)}</button></li>`)
    .join("");
  return `<section aria-labelledby="transcript-heading" id="transcript">
<h2 id="transcript-heading">${escapeHtml(t("module.transcript"))}</h2>
<p class="small">${escapeHtml(t("player.transcriptHint"))}</p>
<ol class="transcript">${cues}</ol>
</section>`;
}

function quizHtml(module: Module): string {
  if (module.quiz.length === 0) return "";
  const questions = module.quiz
    .map(
      (q, i) => `<fieldset class="question" id="sco-q${i}">
<legend>${escapeHtml(t("quiz.question", { number: i + 1 }))} : ${escapeHtml(q.question)}</legend>
${q.choices
  .map((choice, c) => `<div class="choice"><input type="radio" name="q${i}" id="q${i}-c${c}" value="${c}"><label for="q${i}-c${c}">${escapeHtml(choice)}</label></div>`)
  .join("\n")}
<p class="feedback" id="sco-q${i}-feedback" hidden></p>
</fieldset>`,
    )
    .join("\n");
  return `<section aria-labelledby="quiz-heading" id="quiz">
<h2 id="quiz-heading">${escapeHtml(t("quiz.title"))}</h2>
<p>${escapeHtml(t("quiz.intro", { count: module.quiz.length }))} Il faut ${passingScore(module.quiz.length)} bonnes réponses sur ${module.quiz.length}.</p>
<form id="sco-quiz" novalidate>
${questions}
<p class="quiz-result" id="sco-quiz-result" role="status"></p>
<button type="submit" id="sco-quiz-submit">${escapeHtml(t("quiz.submit"))}</button>
</form>
</section>`;
}

/** The complete HTML document of a module's SCO (see the file's comment). */
export function scoPageHtml(input: ScoPageInput): string {
  const { module, twin, comparison, chapter } = input;
  const title = module.title.fr;
  const chapterLine = chapter ? t("module.chapter", { number: chapter.order, title: chapter.title }) : `Module ${module.order}`;
  const twinNotice = module.vendor
    ? `<p class="notice">${escapeHtml(t("module.vendorNotice"))}${twin ? ` ${escapeHtml(`${t("module.twin.title")} : « ${twin.title.fr} ».`)}` : ""}</p>`
    : "";
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Accélérateur libre</title>
<link rel="stylesheet" href="${escapeHtml(input.styleHref)}">
</head>
<body>
<main id="content">
<header class="module-header">
<p class="chapter">${escapeHtml(chapterLine)} · ${escapeHtml(t("module.duration", { duration: formatDuration(module.durationS, "fr") }))}</p>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(module.summary.fr)}</p>
${twinNotice}
<p class="lms-status small" id="sco-lms-status" role="status"></p>
</header>
${playerHtml(module)}
<section aria-labelledby="objectives-heading" id="objectives">
<h2 id="objectives-heading">${escapeHtml(t("module.objectives"))}</h2>
${list(module.objectives)}
</section>
<section aria-labelledby="key-points-heading" id="key-points">
<h2 id="key-points-heading">${escapeHtml(t("module.keyPoints"))}</h2>
${list(module.keyPoints)}
</section>
${comparison ? comparisonHtml(comparison) : ""}
${transcriptHtml(module)}
${quizHtml(module)}
</main>
<footer class="footer">
<p>${escapeHtml(input.licence)}</p>
<p>Accélérateur libre — module « ${escapeHtml(title)} ».</p>
</footer>
<script type="application/json" id="sco-data">${jsonForScript(scoData(module))}</script>
<script src="${escapeHtml(input.runtimeHref)}"></script>
</body>
</html>
`;
}
