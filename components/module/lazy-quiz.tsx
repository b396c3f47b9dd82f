"use client";

import { useEffect, useRef, useState, type ComponentType, type FormEvent, type ReactNode } from "react";
import type { QuizProps } from "./quiz";
import type { PublicQuestion } from "./quiz-view";

const loadQuiz = () => import("./quiz");
// How far below the screen the quiz starts loading: it is ready by the time the learner gets there.
const LOAD_MARGIN = "800px 0px";

/** The answers already chosen in the server-rendered quiz (radio buttons work before the quiz's code is there). */
function chosenAnswers(root: HTMLElement, questions: PublicQuestion[], moduleId: string): (number | null)[] {
  return questions.map((_, qi) => {
    const checked = root.querySelector<HTMLInputElement>(`input[name="${moduleId}-q${qi}"]:checked`);
    return checked ? Number(checked.value) : null;
  });
}

/**
 * The quiz, loaded only when needed: the page shows `fallback`, the quiz rendered on the server
 * (components/module/quiz-view.tsx, without state), and loads the interactive quiz when it comes near the screen or
 * when the learner reaches it with the keyboard or the pointer. Answers already chosen and the
 * keyboard focus carry over.
 */
export function LazyQuiz({ fallback, ...props }: Omit<QuizProps, "initialAnswers"> & { fallback: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ Quiz: ComponentType<QuizProps>; initialAnswers: (number | null)[]; focus: { name: string; value: string } | null } | null>(null);
  const { moduleId, questions } = props;

  useEffect(() => {
    const node = root.current;
    if (!node || loaded) return;
    let isCancelled = false;
    const load = () => {
      stop();
      void loadQuiz().then(({ Quiz }) => {
        if (isCancelled) return;
        const active = document.activeElement;
        const focus = active instanceof HTMLInputElement || active instanceof HTMLButtonElement ? (node.contains(active) ? { name: active.name, value: active.value } : null) : null;
        setLoaded({ Quiz, initialAnswers: chosenAnswers(node, questions, moduleId), focus });
      });
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: LOAD_MARGIN });
    function stop() {
      observer.disconnect();
      node!.removeEventListener("focusin", load);
      node!.removeEventListener("pointerdown", load);
    }
    observer.observe(node);
    node.addEventListener("focusin", load);
    node.addEventListener("pointerdown", load);
    return () => {
      isCancelled = true;
      stop();
    };
  }, [loaded, moduleId, questions]);

  // The interactive quiz replaced the server-rendered one: put the keyboard focus back where it was.
  useEffect(() => {
    if (!loaded?.focus || !root.current) return;
    const { name, value } = loaded.focus;
    const target = name
      ? root.current.querySelector<HTMLElement>(`input[name="${name}"][value="${value}"]`)
      : root.current.querySelector<HTMLElement>("button[type=submit]");
    target?.focus();
  }, [loaded]);

  return (
    // Until the quiz is loaded, its form must not be sent by the browser itself (a page reload).
    <div ref={root} onSubmit={loaded ? undefined : (event: FormEvent) => event.preventDefault()}>
      {loaded ? <loaded.Quiz {...props} initialAnswers={loaded.initialAnswers} /> : fallback}
    </div>
  );
}
