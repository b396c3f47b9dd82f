import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError, isAppError } from "@/lib/errors";
import { can, isSessionExpired, SESSION_MAX_AGE_S, type Permission } from "@/lib/permissions";
import { clientAddressOf } from "@/lib/request-origin";
import { isRole } from "@/lib/roles";
import { SIGN_IN_RATE_LIMITED, signInSchema } from "@/lib/schemas/auth";
import { authenticate, findSessionUser, type SessionUser } from "./data/users";
import { getAuthSecret, getEnv } from "./env";

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

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: getAuthSecret(),
    logger: authLogger,
    // The cookie lives as long as the longest role allows; shorter limits per role are enforced on
    // every request by getSessionUser (the role is read from the database, not from the cookie).
    session: { strategy: "jwt", maxAge: Math.max(...Object.values(SESSION_MAX_AGE_S)) },
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

/**
 * The signed-in user for this request, or null: no session, an account that no longer exists,
 * or a sign-in older than the role's maximum session age. Cached for the request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string; signedInAt?: number } | null;
  if (!session?.userId || typeof session.signedInAt !== "number") return null;
  const user = await findSessionUser(session.userId);
  if (!user || !isRole(user.role)) return null;
  if (isSessionExpired(user.role, session.signedInAt, Math.floor(Date.now() / 1000))) return null;
  return user;
});

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
