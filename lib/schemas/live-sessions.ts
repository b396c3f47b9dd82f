/**
 * Input schemas for live sessions: shared by the trainers' forms and the route handlers. Messages
 * are catalogue keys. The day and time are Europe/Paris wall-clock values; the data layer turns them
 * into an instant (lib/live/paris-time.ts), and a time the spring clock change skips is refused here.
 */
import { z } from "zod";
import { isDay } from "../calendar-day";
import { ITEM_KINDS } from "../cohorts/assignments";
import { parisLocalToInstant } from "../live/paris-time";
import { PLACE_KINDS } from "../live/sessions";

export const LIVE_TITLE_MAX_LENGTH = 120;
export const LIVE_TEXT_MAX_LENGTH = 2_000;
export const LIVE_ADDRESS_MAX_LENGTH = 300;
export const LIVE_URL_MAX_LENGTH = 500;
export const LIVE_DURATION_MIN = { min: 15, max: 480 } as const;
export const LIVE_CAPACITY_MAX = 1_000;

const emptyToNull = (v: unknown) => (v === "" ? null : v);

const httpsUrl = (error: "errors.live.meetingUrl" | "errors.live.replayUrl") =>
  z
    .string({ error })
    .trim()
    .max(LIVE_URL_MAX_LENGTH, { error })
    .refine((v) => URL.canParse(v) && new URL(v).protocol === "https:", { error });

export const liveSessionSchema = z
  .object({
    title: z.string({ error: "errors.live.title" }).trim().min(1, { error: "errors.live.title" }).max(LIVE_TITLE_MAX_LENGTH, { error: "errors.live.titleTooLong" }),
    description: z.string({ error: "errors.live.description" }).trim().max(LIVE_TEXT_MAX_LENGTH, { error: "errors.live.description" }).default(""),
    day: z.string({ error: "errors.day.invalid" }).refine(isDay, { error: "errors.day.invalid" }),
    time: z.string({ error: "errors.live.time" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "errors.live.time" }),
    durationMin: z.coerce
      .number({ error: "errors.live.duration" })
      .int({ error: "errors.live.duration" })
      .min(LIVE_DURATION_MIN.min, { error: "errors.live.duration" })
      .max(LIVE_DURATION_MIN.max, { error: "errors.live.duration" }),
    itemKind: z.preprocess(emptyToNull, z.enum(ITEM_KINDS, { error: "errors.live.item" }).nullable().default(null)),
    itemId: z.preprocess(emptyToNull, z.string({ error: "errors.live.item" }).min(1).max(120, { error: "errors.live.item" }).nullable().default(null)),
    capacity: z.preprocess(
      emptyToNull,
      z.coerce.number({ error: "errors.live.capacity" }).int({ error: "errors.live.capacity" }).min(1, { error: "errors.live.capacity" }).max(LIVE_CAPACITY_MAX, { error: "errors.live.capacity" }).nullable().default(null),
    ),
    placeKind: z.enum(PLACE_KINDS, { error: "errors.live.placeKind" }),
    /** "online": the videoconference address, unless `usesBbb` (the platform makes the room). */
    meetingUrl: z.preprocess(emptyToNull, httpsUrl("errors.live.meetingUrl").nullable().default(null)),
    usesBbb: z.boolean({ error: "errors.VALIDATION_FAILED" }).default(false),
    /** "in-person": where. */
    address: z.preprocess(emptyToNull, z.string({ error: "errors.live.address" }).trim().min(1, { error: "errors.live.address" }).max(LIVE_ADDRESS_MAX_LENGTH, { error: "errors.live.address" }).nullable().default(null)),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Zod runs this even when a field failed its own check: trust nothing here.
    if (isDay(s.day) && typeof s.time === "string" && /^\d\d:\d\d$/.test(s.time)) {
      const local = parisLocalToInstant(s.day, s.time);
      if (!local.ok && local.reason === "NONEXISTENT") ctx.addIssue({ code: "custom", path: ["time"], message: "errors.live.timeSkipped" });
    }
    if ((s.itemKind === null) !== (s.itemId === null)) ctx.addIssue({ code: "custom", path: ["itemId"], message: "errors.live.item" });
    if (s.placeKind === "online" && !s.usesBbb && !s.meetingUrl) ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "errors.live.meetingUrl" });
    if (s.placeKind === "in-person" && !s.address) ctx.addIssue({ code: "custom", path: ["address"], message: "errors.live.address" });
  })
  .transform((s) => ({
    ...s,
    meetingUrl: s.placeKind === "online" && !s.usesBbb ? s.meetingUrl : null,
    usesBbb: s.placeKind === "online" && s.usesBbb,
    address: s.placeKind === "in-person" ? s.address : null,
  }));
export type LiveSessionInput = z.infer<typeof liveSessionSchema>;

export const MAX_ATTENDANCE_ENTRIES = 1_000;

/** After the session: who came, a replay link and notes. */
export const attendanceSchema = z
  .object({
    entries: z
      .array(z.object({ userId: z.string().min(1).max(64), attended: z.boolean({ error: "errors.VALIDATION_FAILED" }) }).strict(), { error: "errors.VALIDATION_FAILED" })
      .max(MAX_ATTENDANCE_ENTRIES, { error: "errors.VALIDATION_FAILED" }),
    replayUrl: z.preprocess(emptyToNull, httpsUrl("errors.live.replayUrl").nullable().default(null)),
    notes: z.string({ error: "errors.live.notes" }).trim().max(LIVE_TEXT_MAX_LENGTH, { error: "errors.live.notes" }).default(""),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceSchema>;
