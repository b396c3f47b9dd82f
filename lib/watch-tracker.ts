/**
 * Turns what the player does into watched intervals. Only real playback produces an interval:
 * a seek closes the current one and opens the next at the new place, so jumping to the end adds
 * nothing. Used by the player in the browser and by the property tests.
 */
import { mergeIntervals, type Interval } from "./progress";

/** A time update further than this from the previous one is a jump, not playback. */
const MAX_STEP_S = 5;

export class WatchTracker {
  private closed: Interval[] = [];
  private openStartS: number | null = null;
  private lastS = 0;

  get isPlaying(): boolean {
    return this.openStartS !== null;
  }

  play(positionS: number) {
    this.close();
    this.openStartS = positionS;
    this.lastS = positionS;
  }

  /** Called as playback advances (every frame or timeupdate). */
  advance(positionS: number) {
    if (this.openStartS === null) {
      this.lastS = positionS;
      return;
    }
    if (positionS < this.lastS || positionS - this.lastS > MAX_STEP_S) {
      this.close();
      this.openStartS = positionS;
    }
    this.lastS = positionS;
  }

  pause(positionS: number) {
    this.advance(positionS);
    this.close();
  }

  seek(toS: number) {
    const wasPlaying = this.isPlaying;
    this.close();
    this.lastS = toS;
    if (wasPlaying) this.openStartS = toS;
  }

  /** Everything played since the last call (the open interval is cut at the current position). */
  takeIntervals(): Interval[] {
    const wasPlaying = this.isPlaying;
    this.close();
    if (wasPlaying) this.openStartS = this.lastS;
    const taken = mergeIntervals(this.closed);
    this.closed = [];
    return taken;
  }

  get positionS(): number {
    return this.lastS;
  }

  private close() {
    if (this.openStartS !== null && this.lastS > this.openStartS) this.closed.push([this.openStartS, this.lastS]);
    this.openStartS = null;
  }
}
