/**
 * The slide video: no media file, a clock moves the position at the chosen speed and the current
 * cue is the slide. It counts only what it really plays: while playing, each tick adds the interval
 * from the position before the tick to the position after it, that is at most speed × the wall
 * clock's elapsed time (performance.now(), which a test can drive). A seek adds nothing.
 */
import { coveredSeconds, mergeIntervals, type Interval } from "@/lib/progress";
import type { Cue } from "@/lib/content/types";
import { formatClock } from "@/lib/format";
import { PLAYBACK_RATES } from "@/lib/progress";

const TICK_MS = 250;
const KEY_STEP_S = 5;

export type PlayerElements = {
  play: HTMLButtonElement;
  seek: HTMLInputElement;
  time: HTMLElement;
  speed: HTMLSelectElement;
  slide: HTMLElement;
  captions: HTMLElement;
  captionsToggle: HTMLInputElement;
  watched: HTMLElement;
  root: HTMLElement;
  transcript: HTMLElement | null;
};

export type PlayerEvent = "play" | "pause" | "seek" | "tick" | "ended";

export class SlidePlayer {
  private positionS = 0;
  private rate = 1;
  private intervals: Interval[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTickAt = 0;

  constructor(
    private readonly el: PlayerElements,
    private readonly durationS: number,
    private readonly cues: Cue[],
    private readonly watchedShare: number,
    private readonly onEvent: (event: PlayerEvent) => void,
  ) {}

  /** Wires the controls, at the resume position with what was played before. */
  start(positionS: number, intervals: readonly Interval[]) {
    this.intervals = mergeIntervals(intervals);
    this.positionS = this.clamp(positionS);
    const { play, seek, speed, captionsToggle, root, transcript } = this.el;
    for (const control of [play, seek, speed, captionsToggle]) control.disabled = false;
    play.addEventListener("click", () => this.toggle());
    seek.addEventListener("input", () => this.seekTo(Number(seek.value)));
    speed.addEventListener("change", () => this.setRate(Number(speed.value)));
    captionsToggle.addEventListener("change", () => this.render());
    root.addEventListener("keydown", (event) => this.onKey(event));
    transcript?.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLElement>("button[data-start]");
      if (button) this.seekTo(Number(button.dataset.start));
    });
    this.render();
  }

  get isPlaying(): boolean {
    return this.timer !== null;
  }

  get position(): number {
    return this.positionS;
  }

  /** The merged intervals really played (this session and before). */
  get playedIntervals(): [number, number][] {
    return mergeIntervals(this.intervals).map(([s, e]) => [s, e]);
  }

  get watchedS(): number {
    return coveredSeconds(this.intervals);
  }

  toggle() {
    if (this.isPlaying) this.pause();
    else this.play();
  }

  play() {
    if (this.isPlaying) return;
    if (this.positionS >= this.durationS) this.positionS = 0;
    this.lastTickAt = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.render();
    this.onEvent("play");
  }

  pause() {
    if (!this.isPlaying) return;
    this.tick();
    this.stopTimer();
    this.render();
    this.onEvent("pause");
  }

  seekTo(positionS: number) {
    if (!Number.isFinite(positionS)) return;
    if (this.isPlaying) this.tick();
    this.positionS = this.clamp(positionS);
    // The next tick counts from here: the jump itself is not played.
    this.lastTickAt = performance.now();
    this.render();
    this.onEvent("seek");
  }

  setRate(rate: number) {
    if (!(PLAYBACK_RATES as readonly number[]).includes(rate)) return;
    if (this.isPlaying) this.tick();
    this.rate = rate;
    this.el.speed.value = String(rate);
  }

  private tick() {
    const now = performance.now();
    const elapsedS = Math.max(0, (now - this.lastTickAt) / 1000);
    this.lastTickAt = now;
    const from = this.positionS;
    const to = this.clamp(from + elapsedS * this.rate);
    if (to > from) this.intervals = mergeIntervals([...this.intervals, [from, to]]);
    this.positionS = to;
    if (to >= this.durationS) {
      this.stopTimer();
      this.render();
      this.onEvent("ended");
      return;
    }
    this.render();
    this.onEvent("tick");
  }

  private stopTimer() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private clamp(s: number) {
    return Math.min(this.durationS, Math.max(0, s));
  }

  private onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    // The speed list keeps its own keys; Space on a button or a checkbox keeps its own action
    // (on the play button, that action is play or pause).
    if (target.tagName === "SELECT" || event.altKey || event.ctrlKey || event.metaKey) return;
    const isNativeSpace = event.key === " " && (target.tagName === "BUTTON" || (target as HTMLInputElement).type === "checkbox");
    if ((event.key === " " && !isNativeSpace) || event.key === "k" || event.key === "K") {
      event.preventDefault();
      this.toggle();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      // On the slider too: 5 seconds rather than its own 1-second step.
      event.preventDefault();
      this.seekTo(this.positionS + (event.key === "ArrowLeft" ? -KEY_STEP_S : KEY_STEP_S));
    }
  }

  private currentCue(): Cue | null {
    return this.cues.find((c) => this.positionS >= c.startS && this.positionS < c.endS) ?? null;
  }

  private render() {
    const { play, seek, time, slide, captions, captionsToggle, watched } = this.el;
    const current = formatClock(this.positionS);
    const total = formatClock(this.durationS);
    play.textContent = this.isPlaying ? "Pause" : "Lecture";
    seek.value = String(Math.floor(this.positionS));
    seek.setAttribute("aria-valuetext", `${current} sur ${total}`);
    time.textContent = `${current} / ${total}`;
    const cue = this.currentCue();
    slide.textContent = cue?.text ?? (this.positionS >= this.durationS ? "Fin de la vidéo." : slide.textContent);
    captions.hidden = !captionsToggle.checked;
    captions.textContent = cue?.text ?? "";
    // A status line: rewritten by tens of percent while playing, so that a screen reader is not flooded.
    const share = Math.min(100, Math.floor((100 * this.watchedS) / this.durationS));
    const shown = this.isPlaying ? Math.floor(share / 10) * 10 : share;
    const text = `Vidéo regardée : ${shown} % (il faut ${Math.round(this.watchedShare * 100)} %).`;
    if (watched.textContent !== text) watched.textContent = text;
    this.el.root.dataset.positionS = String(Math.round(this.positionS * 10) / 10);
  }
}
