import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { NextAuthOptions } from "next-auth";
import { encode, getToken, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError, isAppError } from "@/lib/errors";
import { can, isSessionExpired, isSessionRevoked, SESSION_MAX_AGE_S, type Permission } from "@/lib/permissions";
import { clientAddressOf } from "@/lib/request-origin";
import { isRole } from "@/lib/roles";
import { SIGN_IN_RATE_LIMITED, signInSchema } from "@/lib/schemas/auth";
import { rateLimitedSignInError } from "@/lib/throttle";
import { authenticate, findSessionAccount, SignInRateLimited, type SessionUser } from "./data/users";
import { getAuthSecret, getEnv } from "./env";
import { directRequestCookies } from "./request-scope";

/** next-auth errors that a visitor's request causes (a garbage or stale cookie), not a fault of ours. */
const REQUEST_ERRORS = new Set(["JWT_SESSION_ERROR", "INVALID_CALLBACK_URL_ERROR"]);

/** One printable line of at most 300 characters: the message may repeat what the visitor sent. */
function oneLine(metadata: unknown): string {
  const record = (metadata ?? {}) as { message?: unknown; error?: { message?: unknown } };
  const message = String(record.message ?? record.error?.message ?? "");
  return message.replace(/[\u0000-\u001f\u007f]+/g, " ").slice(0, 300);
}

/**
 * next-auth's logger: one line for an error caused by the request (next-auth's own prints the
 * whole stack each time a garbage session cookie arrives), the details for anything else.
 */
export const authLogger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    if (REQUEST_ERRORS.has(code)) console.warn(`[next-auth] ${code}: ${oneLine(metadata)}`);
    else console.error(`[next-auth] ${code}: ${oneLine(metadata)}`, metadata);
  },
  warn(code) {
    console.warn(`[next-auth] warning: ${code}`);
  },
  debug() {},
};

/** The session cookie lives as long as the longest role allows (see getAuthOptions). */
const SESSION_COOKIE_MAX_AGE_S = Math.max(...Object.values(SESSION_MAX_AGE_S));

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: getAuthSecret(),
    logger: authLogger,
    // The cookie lives as long as the longest role allows; shorter limits per role are enforced on
    // every request by getSessionUser (the role is read from the database, not from the cookie).
    session: { strategy: "jwt", maxAge: SESSION_COOKIE_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const forwardedFor = request?.headers?.["x-forwarded-for"] as string | undefined;
          try {
            const user = await authenticate({
              ...parsed.data,
              clientAddress: clientAddressOf(forwardedFor, env.TRUSTED_PROXY_HOPS),
            });
            return user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
          } catch (error) {
            if (error instanceof SignInRateLimited) throw new Error(rateLimitedSignInError(error.retryAfterS));
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(SIGN_IN_RATE_LIMITED);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.signedInAt = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, signedInAt: token.signedInAt };
      },
    },
  };
}

const sessionKeys = new Map<string, Uint8Array>();

/**
 * next-auth's session-token key: HKDF-SHA256 of the secret, as next-auth/jwt derives it (empty
 * salt, its fixed info string, 32 bytes for A256GCM), derived once per secret instead of on every
 * request (it was 6 % of a heartbeat's CPU).
 */
function sessionKeyOf(secret: string): Uint8Array {
  let key = sessionKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    sessionKeys.set(secret, key);
  }
  return key;
}

/**
 * The session cookie's claims, read the way next-auth writes them (its cookie name, secure prefix
 * and chunks, through its own getToken), decrypted with the cached key; null for no cookie, a cookie
 * that does not decrypt or has expired (getToken swallows the error: no stack trace in the log).
 * getServerSession did the same and more that a lookup does not need: it re-encrypted the token to
 * slide its expiry (a cookie it cannot set from a server component or route handler anyway), and
 * ran next-auth's whole request handler, callback-URL checks included.
 */
async function readSessionClaims(): Promise<{ sub?: unknown; signedInAt?: unknown } | null> {
  const secret = getAuthSecret();
  return getToken({
    // An empty Headers: a session comes from the cookie only, never from an Authorization header.
    req: { cookies: directRequestCookies.getStore() ?? (await cookies()), headers: new Headers() } as unknown as Parameters<typeof getToken>[0]["req"],
    secret,
    decode: async ({ token }) => (token ? (await jwtDecrypt(token, sessionKeyOf(secret), { clockTolerance: 15 })).payload : null),
  });
}

/**
 * The signed-in user for this request, or null: no session, an account that no longer exists,
 * a sign-in older than the role's maximum session age, or older than the last password change.
 * Cached for the request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims();
  const session = { userId: claims?.sub, signedInAt: claims?.signedInAt };
  if (typeof session.userId !== "string" || typeof session.signedInAt !== "number") return null;
  const account = await findSessionAccount(session.userId);
  if (!account || !isRole(account.user.role)) return null;
  if (isSessionExpired(account.user.role, session.signedInAt, Math.floor(Date.now() / 1000))) return null;
  if (isSessionRevoked(session.signedInAt, account.passwordChangedAt)) return null;
  return account.user;
});

/**
 * The session cookie of this request issued anew, signed in now: after a password change, which
 * ends every session signed in before it, the session that made the change goes on. Written the
 * way next-auth writes it (its encoding, cookie name and options); null without a session.
 */
export async function renewedSessionCookie(): Promise<{ name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } } | null> {
  const claims = await readSessionClaims();
  if (!claims || typeof claims.sub !== "string") return null;
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const maxAge = SESSION_COOKIE_MAX_AGE_S;
  const { sub, name, email } = claims as { sub: string; name?: unknown; email?: unknown };
  const value = await encode({ token: { sub, name, email, signedInAt: Math.floor(Date.now() / 1000) } as JWT, secret: getAuthSecret(), maxAge });
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge } };
}

/** For pages: redirect to sign-in without a session, answer 403 without the permission. */
export async function requirePermission(permission: Permission, callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (!can(user, permission)) forbidden();
  return user;
}

/** For route handlers: 401 without a session, 403 without the permission. */
export async function requireApiPermission(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!can(user, permission)) throw new AppError("FORBIDDEN");
  return user;
}
