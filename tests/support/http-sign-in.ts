// Over HTTP, as a browser would: a merchant account created with POST /api/users, then signed in
// through next-auth's credentials callback (or an existing account signed in). For the crash test and the benchmarks, which talk to a
// started `next start`. No database access: only what any client could do.

export type HttpLearner = { cookie: string; userId: string };

export async function signUpAndSignInOverHttp(
  origin: string,
  account: { email: string; password: string; name: string; department: string },
  options: { attempts?: number; onRetry?: () => void } = {},
): Promise<HttpLearner> {
  const { email, password } = account;
  const attempts = options.attempts ?? 1;
  let created: Response;
  for (let attempt = 1; ; attempt++) {
    created = await fetch(`${origin}/api/users`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ email, password, name: account.name, sector: "services", department: account.department, sizeBand: "0" }),
    });
    if (created.status < 500 || attempt >= attempts) break;
    // A 5xx (a benchmark's concurrent sign-ups): sent again after a short random pause.
    await created.arrayBuffer();
    options.onRetry?.();
    await new Promise((r) => setTimeout(r, Math.random() * 200 * attempt));
  }
  if (created.status !== 201) throw new Error(`sign-up of ${email} answered ${created.status}: ${await created.text()}`);
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  return { cookie: await signInOverHttp(origin, { email, password }), userId };
}

/** An existing account signed in through next-auth's credentials callback: its session cookie (`name=value`). */
export async function signInOverHttp(origin: string, { email, password }: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return session.split(";")[0]!;
}
