import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ComparisonTable } from "@/components/module/comparison-table";
import { learningMessages } from "@/components/module/learning-messages";
import { QuizView } from "@/components/module/quiz-view";
import { makeLearningTranslator } from "@/components/player/messages";
import { ModuleListItems } from "@/components/programme/module-list";
import { fillTemplate, renderStaticMarkup, renderTemplate, Slot } from "@/components/programme/static-markup";
import { ProgressBar } from "@/components/progress/progress-bar";
import { StatusBadge } from "@/components/progress/status-badge";
import { modulesOnPath } from "@/lib/content/path";
import { makeTranslator } from "@/lib/i18n";
import { publicQuestions } from "@/lib/quiz";
import { getProgramme } from "@/server/content";

/**
 * The same document, written two ways: React writes "<!-- -->" between adjacent texts, "/>" on void
 * elements, quotes every attribute, escapes quotes in text and `'` as &#x27;; attribute order may
 * differ. Both are parsed by a browser into the same DOM; compared here once those are undone.
 */
function normalise(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\/>/g, ">")
    .replace(/<([a-z0-9]+)((?:\s[^>]*)?)>/g, (_, tag: string, attrs: string) => {
      const list = [...attrs.matchAll(/\s([a-zA-Z-]+)(?:=("[^"]*"|[^\s"'>]+))?/g)].map((m) => `${m[1]}=${(m[2] ?? '""').replace(/^([^"].*)$/, '"$1"')}`).sort();
      return `<${tag}${list.map((a) => ` ${a}`).join("")}>`;
    });
}

const asReactWritesIt = (element: ReactElement) => expect(normalise(renderStaticMarkup(element))).toBe(normalise(renderToStaticMarkup(element)));

describe("static markup", () => {
  test("escapes text and attribute values", () => {
    const html = renderStaticMarkup(createElement("p", { title: `a "b" <c> & d`, "data-x": "plain-value" }, `<script>alert("x")</script> & co`));
    expect(html).toBe(`<p title="a &quot;b&quot; &lt;c&gt; &amp; d" data-x=plain-value>&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>`);
  });

  test("leaves slots open for the request to fill", () => {
    const template = renderTemplate(createElement("ul", null, createElement("li", null, "a", createElement(Slot, { name: "one" })), createElement("li", null, createElement(Slot, { name: "two" }))));
    expect(template.slots).toEqual(["one", "two"]);
    expect(fillTemplate(template, (slot) => `<b>${slot}</b>`)).toBe("<ul><li>a<b>one</b></li><li><b>two</b></li></ul>");
    expect(() => renderStaticMarkup(createElement(Slot, { name: "x" }))).toThrow(/slot/);
  });

  test("writes the programme's lists, comparisons, quizzes and badges as react-dom/server does", () => {
    const programme = getProgramme();
    for (const locale of ["fr", "en"] as const) {
      const t = makeTranslator(locale);
      for (const chapter of programme.chapters) {
        for (const isNeutralPath of [false, true]) {
          for (const isDetailed of [false, true]) {
            const list = createElement(ModuleListItems, { items: modulesOnPath(chapter, programme.modulesById, isNeutralPath), modulesById: programme.modulesById, locale, t, isDetailed });
            expect(normalise(fillTemplate(renderTemplate(list), () => ""))).toBe(normalise(renderToStaticMarkup(list)));
          }
        }
      }
      for (const comparison of programme.comparisonsById.values()) asReactWritesIt(createElement(ComparisonTable, { comparison, locale, t, today: new Date() }));
      for (const module of programme.modulesById.values()) {
        for (const isSignedIn of [true, false]) {
          const quiz = { moduleId: module.id, questions: publicQuestions(module.quiz), t: makeLearningTranslator(learningMessages(locale)), isSignedIn };
          asReactWritesIt(createElement(QuizView, { ...quiz, answers: module.quiz.map(() => null), result: null, error: null, isSubmitting: false }));
        }
      }
      for (const status of ["not-started", "in-progress", "completed"] as const) asReactWritesIt(createElement(StatusBadge, { status, t }));
      asReactWritesIt(createElement(ProgressBar, { value: 42.4, label: `a < b & "c" 'd'`, size: "sm" }));
    }
  });
});
