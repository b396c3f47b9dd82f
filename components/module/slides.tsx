/**
 * The video area: the module's title card, in a 16:9 frame. (The player that plays the slides and
 * captions over the module's duration is built on top of this frame.)
 */
export function Slides({ title, subtitle, heading, durationLabel }: { title: string; subtitle: string; heading: string; durationLabel: string }) {
  return (
    <section aria-label={heading} className="overflow-hidden rounded-lg bg-brand-800 text-white shadow">
      <div className="flex aspect-video flex-col justify-center gap-3 p-6 sm:p-10">
        <p className="text-xs font-semibold tracking-wide text-brand-100 uppercase">
          {heading} · {durationLabel}
        </p>
        <p className="text-2xl font-bold sm:text-4xl">{title}</p>
        <p className="text-sm text-brand-100 sm:text-base">{subtitle}</p>
      </div>
    </section>
  );
}
