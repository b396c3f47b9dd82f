/**
 * The one error type the server raises on purpose. Route handlers turn it into a JSON body
 * `{ error: { code, message } }` with the status below (server/http.ts); pages turn it into
 * a redirect, a 403 or a 404.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_ORIGIN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_PATH: 400,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  RATE_LIMITED: 429,
  UNKNOWN_MODULE: 400,
  NEGATIVE_INTERVAL: 400,
  REVERSED_INTERVAL: 400,
  INTERVAL_PAST_DURATION: 400,
  TOO_MANY_INTERVALS: 400,
  POSITION_PAST_DURATION: 400,
  INVALID_PLAYBACK_SESSION: 400,
  WRONG_ANSWER_COUNT: 400,
  ATTEMPT_ID_TAKEN: 409,
  ATTESTATION_NOT_EARNED: 409,
  JOIN_CODE_UNKNOWN: 404,
  JOIN_CODE_EXPIRED: 410,
  JOIN_MERCHANTS_ONLY: 403,
  NOT_A_TRAINER_ACCOUNT: 400,
  ALREADY_ASSIGNED: 409,
  UNKNOWN_ITEM: 400,
  EXTENSION_NOT_LATER: 400,
  NO_DUE_DATE: 400,
  CANNOT_REMOVE_OWNER: 409,
  WRONG_PASSWORD: 400,
  LAST_ADMIN_ACCOUNT: 409,
  LIVE_FULL: 409,
  LIVE_STARTED: 409,
  LIVE_NOT_STARTED: 409,
  LIVE_NOT_OPEN: 409,
  LIVE_CANCELLED: 409,
  ALREADY_REGISTERED: 409,
  NOT_REGISTERED: 409,
  CALENDAR_TOKEN_UNKNOWN: 404,
  LIVE_ROOM_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field-level details for validation errors (field path → message key). */
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
