"use client";

import { PLAYBACK_RATES } from "@/lib/progress";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Cue } from "@/lib/content/types";
import { formatClock } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import { WatchTracker } from "@/lib/watch-tracker";
import { makeLearningTranslator, type LearningMessages } from "./messages";
import { HEARTBEAT_INTERVAL_S, ProgressReporter, type ServerProgress } from "./progress-reporter";

const TICK_MS = 250;
const SEEK_STEP_S = 10;

type Slide = { kicker: string; title: string; lines: string[] };

export type ModulePlayerProps = {
  moduleId: string;
  title: string;
  subtitle: string;
  durationS: number;
  cues: Cue[];
  objectives: string[];
  keyPoints: string[];
  locale: Locale;
  /** The player's messages in the learner's language (components/player/messages.ts). */
  messages: LearningMessages;
  /** Signed playback session; null for visitors (the player plays, nothing is recorded). */
  session: string | null;
  initialPositionS: number;
  /** A real video file (self-hosted or configured media URL); null: the simulated video. */
  videoSrc: string | null;
  onProgress?: (progress: ServerProgress) => void;
  /** Shown beside the video on wide screens (objectives, key points). */
  aside?: ReactNode;
  /** Shown under the video controls (the learner's progress). */
  belowVideo?: ReactNode;
  /** Shown between the video and the transcript, full width. */
  middle?: ReactNode;
};

/**
 * The module player. Without a video file it plays a simulated video: slides built from the module
 * (title, objectives, key points) with the transcript's cues as captions, advancing on a real clock
 * over the module's real duration. With a video file it drives a <video> element with the cues as a
 * WebVTT track. Both feed the same tracker, so they report the same watched intervals.
 */
export function ModulePlayer(props: ModulePlayerProps) {
  const { moduleId, title, subtitle, durationS, cues, objectives, keyPoints, locale, messages, session, initialPositionS, videoSrc, onProgress, aside, belowVideo, middle } = props;
  const t = makeLearningTranslator(messages);
  const [positionS, setPositionS] = useState(initialPositionS);
  const [isPlaying, setIsPlaying] = useState(false);
  const [rate, setRate] = useState<number>(1);
  const [areCaptionsOn, setAreCaptionsOn] = useState(true);
  const [isOnline, setIsOnline] = useState(true);
  const [hasEnded, setHasEnded] = useState(false);
  const [resumedAtS, setResumedAtS] = useState<number | null>(session && initialPositionS > 0 ? initialPositionS : null);
  const tracker = useRef(new WatchTracker());
  const reporter = useRef<ProgressReporter | null>(null);
  const position = useRef(initialPositionS);
  const lastTick = useRef<number | null>(null);
  const sinceHeartbeatS = useRef(0);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const onProgressRef = useRef(onProgress);
  onProgressRef.current = onProgress;
  // The controls do nothing until this component's code has run (it loads in its own chunk after
  // the page's): disabled until then, so that a choice made in the meantime is not silently lost.
  const [isReady, setIsReady] = useState(false);
  useEffect(() => setIsReady(true), []);

  useEffect(() => {
    tracker.current.seek(initialPositionS);
    if (!session) return;
    const instance = new ProgressReporter(moduleId, session, (p) => onProgressRef.current?.(p), setIsOnline);
    reporter.current = instance;
    // A report still queued on this device (sent as the previous page closed, or offline) is newer
    // than what the server had when it rendered this page: resume from it.
    const pendingS = instance.pendingPositionS();
    if (pendingS !== null && pendingS > 0 && pendingS < durationS - 2 && pendingS !== position.current) {
      position.current = pendingS;
      tracker.current.seek(pendingS);
      setPositionS(pendingS);
      setResumedAtS(pendingS);
    }
    void instance.flush();
    const onOnline = () => void instance.flush();
    const onHide = () => instance.beacon(tracker.current.takeIntervals(), position.current);
    const onVisibility = () => document.visibilityState === "hidden" && onHide();
    window.addEventListener("online", onOnline);
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      instance.report(tracker.current.takeIntervals(), position.current);
      instance.dispose();
      reporter.current = null;
    };
  }, [moduleId, session, initialPositionS, durationS]);

  const report = useCallback(() => {
    sinceHeartbeatS.current = 0;
    reporter.current?.report(tracker.current.takeIntervals(), position.current);
  }, []);

  const pause = useCallback(() => {
    if (videoRef.current && !videoRef.current.paused) videoRef.current.pause();
    tracker.current.pause(position.current);
    lastTick.current = null;
    setIsPlaying(false);
    report();
  }, [report]);

  const play = useCallback(() => {
    if (position.current >= durationS) position.current = 0;
    setResumedAtS(null);
    setHasEnded(false);
    tracker.current.play(position.current);
    lastTick.current = performance.now();
    setIsPlaying(true);
    if (videoRef.current) void videoRef.current.play();
    // A first report right away: the server learns the learner is in this module (resume, "in progress").
    report();
  }, [durationS, report]);

  const seekTo = useCallback(
    (targetS: number) => {
      const clamped = Math.max(0, Math.min(durationS, targetS));
      position.current = clamped;
      tracker.current.seek(clamped);
      if (videoRef.current) videoRef.current.currentTime = clamped;
      lastTick.current = isPlaying ? performance.now() : null;
      setPositionS(clamped);
      setHasEnded(false);
      report();
    },
    [durationS, isPlaying, report],
  );

  // The simulated video's clock: real elapsed time × playback rate.
  useEffect(() => {
    if (!isPlaying || videoSrc) return;
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsedS = lastTick.current === null ? 0 : (now - lastTick.current) / 1000;
      lastTick.current = now;
      const next = Math.min(durationS, position.current + elapsedS * rate);
      position.current = next;
      tracker.current.advance(next);
      setPositionS(next);
      sinceHeartbeatS.current += elapsedS;
      if (next >= durationS) {
        tracker.current.pause(next);
        setIsPlaying(false);
        setHasEnded(true);
        lastTick.current = null;
        report();
      } else if (sinceHeartbeatS.current >= HEARTBEAT_INTERVAL_S) {
        report();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [isPlaying, rate, durationS, videoSrc, report]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.playbackRate = rate;
  }, [rate]);

  const slides: Slide[] = [
    { kicker: subtitle, title, lines: [] },
    { kicker: t("player.objectivesSlide"), title, lines: objectives },
    ...keyPoints.map((point, i) => ({ kicker: t("player.keyPointSlide", { number: i + 1, count: keyPoints.length }), title: point, lines: [] })),
  ];
  const slide = slides[Math.min(slides.length - 1, Math.floor((positionS / durationS) * slides.length))]!;
  const currentCueIndex = cues.findIndex((cue) => positionS >= cue.startS && positionS < cue.endS);
  const currentCue = currentCueIndex >= 0 ? cues[currentCueIndex] : null;

  function changeRate(direction: 1 | -1) {
    const index = PLAYBACK_RATES.indexOf(rate as (typeof PLAYBACK_RATES)[number]);
    const next = PLAYBACK_RATES[Math.max(0, Math.min(PLAYBACK_RATES.length - 1, index + direction))]!;
    setRate(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (target.tagName === "SELECT" || (target.tagName === "INPUT" && (target as HTMLInputElement).type === "range")) return;
    if (event.key === " " || event.key === "k") {
      event.preventDefault();
      if (isPlaying) pause();
      else play();
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      seekTo(position.current - SEEK_STEP_S);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      seekTo(position.current + SEEK_STEP_S);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      changeRate(1);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      changeRate(-1);
    } else if (event.key === "c" || event.key === "C") {
      setAreCaptionsOn((on) => !on);
    }
  }

  const buttonClass = "rounded px-3 py-1.5 text-sm font-medium text-white hover:bg-white/15";
  return (
    <div className="space-y-8">
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-4">
      <div
        role="region"
        aria-label={t("player.label", { title })}
        aria-describedby={`player-help-${moduleId}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="overflow-hidden rounded-lg bg-brand-800 text-white shadow"
        data-testid="player"
      >
        <div className="relative aspect-video">
          {videoSrc ? (
            <video
              ref={videoRef}
              src={videoSrc}
              className="h-full w-full"
              preload="metadata"
              onPlay={() => {
                // Our Lecture button already opened the interval at the start position; the video's
                // own "play" event comes a moment later (currentTime already past it) and must not
                // reopen it there, or the first fraction of a second is lost.
                if (!tracker.current.isPlaying) tracker.current.play(videoRef.current!.currentTime);
                setIsPlaying(true);
              }}
              onPause={() => pause()}
              onSeeking={() => {
                position.current = videoRef.current!.currentTime;
                tracker.current.seek(position.current);
              }}
              onTimeUpdate={() => {
                const now = videoRef.current!.currentTime;
                sinceHeartbeatS.current += Math.max(0, now - position.current) / rate;
                position.current = now;
                tracker.current.advance(now);
                setPositionS(now);
                if (sinceHeartbeatS.current >= HEARTBEAT_INTERVAL_S) report();
              }}
              onEnded={() => {
                setHasEnded(true);
                pause();
              }}
            >
              <track kind="captions" srcLang="fr" label="Français" src={`/api/modules/${moduleId}/captions`} default={areCaptionsOn} />
            </video>
          ) : (
            <div className="flex h-full flex-col justify-center gap-3 p-6 sm:p-10" aria-hidden="true">
              <p className="text-xs font-semibold tracking-wide text-brand-100 uppercase">{slide.kicker}</p>
              <p className="text-xl font-bold sm:text-3xl">{slide.title}</p>
              {slide.lines.length > 0 && (
                <ul className="hidden list-disc space-y-1 pl-5 text-sm sm:block sm:text-base">
                  {slide.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {!videoSrc && areCaptionsOn && currentCue && (
            <p className="absolute inset-x-3 bottom-3 hidden rounded bg-black/75 px-3 py-1.5 text-center text-base sm:block" lang="fr" data-testid="caption">
              {currentCue.text}
            </p>
          )}
        </div>
        {/* On phones the caption goes under the picture, where it cannot cover the slide. */}
        {!videoSrc && areCaptionsOn && (
          <p className="min-h-[4.5rem] bg-black/60 px-3 py-2 text-center text-sm sm:hidden" lang="fr" data-testid="caption-below">
            {currentCue?.text ?? ""}
          </p>
        )}
        <div className="space-y-2 bg-black/30 px-3 py-2">
          <input
            type="range"
            min={0}
            max={durationS}
            step={1}
            value={Math.floor(positionS)}
            onChange={(event) => seekTo(Number(event.target.value))}
            disabled={!isReady}
            aria-label={t("player.position")}
            aria-valuetext={t("player.positionText", { current: formatClock(positionS), total: formatClock(durationS) })}
            className="w-full accent-white"
          />
          <div className="flex flex-wrap items-center gap-1">
            <button type="button" className={buttonClass} onClick={() => (isPlaying ? pause() : play())} disabled={!isReady}>
              {isPlaying ? t("player.pause") : t("player.play")}
            </button>
            <button type="button" className={buttonClass} onClick={() => seekTo(position.current - SEEK_STEP_S)} disabled={!isReady}>
              −10 s<span className="sr-only"> ({t("player.back10")})</span>
            </button>
            <button type="button" className={buttonClass} onClick={() => seekTo(position.current + SEEK_STEP_S)} disabled={!isReady}>
              +10 s<span className="sr-only"> ({t("player.forward10")})</span>
            </button>
            <span className="px-2 text-sm tabular-nums" data-testid="player-time">
              {formatClock(positionS)} / {formatClock(durationS)}
            </span>
            <label className="ml-auto flex items-center gap-1 text-sm">
              <span className="sr-only">{t("player.speed")}</span>
              <select
                value={rate}
                onChange={(event) => setRate(Number(event.target.value))}
                disabled={!isReady}
                className="rounded bg-white/10 px-1 py-1 text-white"
                aria-label={t("player.speed")}
              >
                {PLAYBACK_RATES.map((r) => (
                  <option key={r} value={r} className="text-black">
                    {r.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB")}×
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={buttonClass} aria-pressed={areCaptionsOn} onClick={() => setAreCaptionsOn((on) => !on)} disabled={!isReady}>
              {t("player.captions")}
            </button>
          </div>
        </div>
      </div>
      <p id={`player-help-${moduleId}`} className="text-xs text-neutral-600">
        {t("player.keyboardHelp")}
      </p>
      <div aria-live="polite" className="space-y-1 text-sm">
        {!session && <p className="rounded border border-sky-300 bg-sky-50 p-2 text-sky-900">{t("player.signInToTrack")}</p>}
        {resumedAtS !== null && <p className="text-neutral-700">{t("player.resumeAt", { time: formatClock(resumedAtS) })}</p>}
        {!isOnline && <p className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">{t("player.offline")}</p>}
        {hasEnded && <p className="text-neutral-700">{t("player.ended")}</p>}
      </div>
      {belowVideo}
      </div>
      {aside}
      </div>
      {middle}
      <section aria-labelledby={`transcript-${moduleId}`} className="space-y-2">
        <h2 id={`transcript-${moduleId}`} className="text-xl font-semibold">
          {t("module.transcript")}
        </h2>
        <p className="text-sm text-neutral-600">{t("player.transcriptHint")}</p>
        <ol className="max-h-96 space-y-0.5 overflow-y-auto rounded-lg border border-neutral-200 bg-white p-2 leading-relaxed" lang="fr">
          {cues.map((cue, i) => (
            <li key={i}>
              <button
                type="button"
                onClick={() => seekTo(cue.startS)}
                aria-current={i === currentCueIndex ? "true" : undefined}
                className={`flex w-full gap-3 rounded px-2 py-1 text-left hover:bg-brand-50 ${i === currentCueIndex ? "bg-brand-100 font-medium" : ""}`}
              >
                <time className="w-12 shrink-0 pt-0.5 text-right text-xs tabular-nums text-neutral-600">{formatClock(cue.startS)}</time>
                <span>{cue.text}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
