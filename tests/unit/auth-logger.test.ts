import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "@/server/auth";

describe("next-auth's logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a garbage session cookie in one line, without the stack", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error("Invalid Compact JWE");
    authLogger.error!("JWT_SESSION_ERROR", cause);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual(["[next-auth] JWT_SESSION_ERROR: Invalid Compact JWE"]);
  });

  it("keeps what a visitor sent on one line", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    authLogger.error!("INVALID_CALLBACK_URL_ERROR", new Error(`Invalid callback URL. Received: x\n[next-auth] forged line${"a".repeat(500)}`));
    const [line] = warn.mock.calls[0] as [string];
    expect(line).not.toContain("\n");
    expect(line.length).toBeLessThanOrEqual("[next-auth] INVALID_CALLBACK_URL_ERROR: ".length + 300);
  });

  it("gives the details of any other error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error("boom");
    authLogger.error!("SIGNIN_OAUTH_ERROR", cause);
    expect(error).toHaveBeenCalledWith("[next-auth] SIGNIN_OAUTH_ERROR: boom", cause);
  });
});
