import { z } from "zod";

const seconds = z.number().finite();

/** A heartbeat of the player. Semantic checks (order, bounds, count) come after, with their own codes. */
export const progressReportSchema = z
  .object({
    reportId: z.uuid(),
    moduleId: z.string().min(1).max(100),
    session: z.string().min(1).max(200),
    intervals: z.array(z.tuple([seconds, seconds])).max(1000),
    positionS: seconds.min(0),
  })
  .strict();
export type ProgressReportBody = z.infer<typeof progressReportSchema>;

export const quizAttemptSchema = z
  .object({
    moduleId: z.string().min(1).max(100),
    answers: z.array(z.number().int().min(0).max(9)).max(10),
    /**
     * Chosen by the browser (a UUID), so that an attempt answered offline and sent again when the
     * connection comes back is recorded once. Optional: without it, each POST is a new attempt.
     */
    attemptId: z.uuid().optional(),
    /**
     * The learner's playback session of the module page (server/playback-session.ts), which the
     * quiz sends with its answers: an attempt kept on a shared device and sent again under another
     * account is refused (INVALID_PLAYBACK_SESSION). Optional for the attempts queued before it was sent.
     */
    session: z.string().min(1).max(200).optional(),
  })
  .strict();
