import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (CSRF token, credentials callback, session, sign-out); they carry
// next-auth's CSRF protection.
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
