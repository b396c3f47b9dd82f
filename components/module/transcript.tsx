import type { Cue } from "@/lib/content/types";
import { formatClock } from "@/lib/format";

/** The full timed transcript, readable without the player. */
export function Transcript({ cues, heading }: { cues: Cue[]; heading: string }) {
  return (
    <section aria-labelledby="transcript-heading" className="space-y-2">
      <h2 id="transcript-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      <ol className="space-y-1 rounded-lg border border-neutral-200 bg-white p-4 leading-relaxed" lang="fr">
        {cues.map((cue, i) => (
          <li key={i} className="flex gap-3">
            <time className="w-12 shrink-0 pt-0.5 text-right text-xs tabular-nums text-neutral-500">{formatClock(cue.startS)}</time>
            <span>{cue.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
