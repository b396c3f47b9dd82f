import { expect, test } from "@playwright/test";
import { apiClientAs, demoAccount } from "./support";

// Issue 12 §4: requests that answered 500 on a started platform, replayed against the real server
// (the cookie one happens in next-auth's session lookup, which only a real request reaches).

const BAD_CALLBACK_URLS = ["javascript:alert(1)", "http://localhost:3000' ORDER BY 1#"];
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function expiresCookie(setCookie: string | undefined, name: string) {
  expect(setCookie ?? "", `Set-Cookie expiring ${name}`).toMatch(new RegExp(`(^|\\n)${name.replace(/[.]/g, "\\.")}=;[^\\n]*Max-Age=0`, "i"));
}

test.describe("a callback-URL cookie that next-auth refuses is ignored and cleared", () => {
  for (const name of CALLBACK_COOKIES) {
    for (const value of BAD_CALLBACK_URLS) {
      test(`${name}=${value}`, async ({ request }) => {
        const cookie = `${name}=${encodeURIComponent(value)}`;
        for (const [path, status] of [["/", 200], ["/sign-in", 200], ["/modules/marche-vendre-sur-amazon", 200], ["/progress", 307], ["/api/auth/session", 200], ["/api/auth/csrf", 200], ["/api/health", 200]] as const) {
          const response = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
          expect(response.status(), `GET ${path}`).toBe(status);
          expiresCookie(response.headers()["set-cookie"], name);
        }
        const progress = await request.post("/api/progress", { headers: { cookie }, data: {} });
        expect(progress.status()).toBe(401);
        expect((await progress.json()).error.code).toBe("UNAUTHENTICATED");
        expiresCookie(progress.headers()["set-cookie"], name);
      });
    }
  }

  test("a signed-in merchant stays signed in", async ({ baseURL }) => {
    const client = await apiClientAs("merchant", baseURL!);
    const cookie = (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).filter((c) => !c.startsWith("next-auth.callback-url=")).join("; ");
    const headers = { cookie: `${cookie}; next-auth.callback-url=${encodeURIComponent(BAD_CALLBACK_URLS[0]!)}` };
    // Pages rendered per request: their header and the programme's welcome read the session.
    const search = await client.get("/search", { headers });
    expect(search.status()).toBe(200);
    expect(await search.text()).toContain(`Connecté·e : ${demoAccount("merchant").name}`);
    const home = await client.get("/", { headers });
    expect(await home.text()).toContain(`Bonjour ${demoAccount("merchant").name}`);
    const session = await client.get("/api/auth/session", { headers });
    expect(((await session.json()) as { userId?: string }).userId).toMatch(/^\w{10,}$/);
    await client.dispose();
  });

  test("a usable callback URL is kept", async ({ request, baseURL }) => {
    const response = await request.get("/", { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(`${baseURL}/progress`)}` } });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("next-auth.callback-url=");
  });
});

test.describe("a path segment that does not decode", () => {
  for (const path of ["/modules/%E0%A4%A", "/modules/%ZZ", "/chapters/%E0%A4%A", "/attestation/%E0%A4%A", "/cohorts/%ZZ/members", "/join/%E0%A4%A", "/modules/%00"]) {
    test(`page ${path} is the not-found page`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.text()).toContain("Page introuvable");
      expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
    });
  }

  for (const [method, path] of [
    ["GET", "/api/modules/%E0%A4%A/captions"],
    ["GET", "/api/modules/%ZZ/captions"],
    ["GET", "/api/cohorts/%E0%A4%A/export"],
    ["DELETE", "/api/memberships/%ZZ"],
    ["PUT", "/api/admin/users/%E0%A4%A/role"],
  ] as const) {
    test(`${method} ${path} is a 400 with a JSON error code`, async ({ request }) => {
      const response = await request.fetch(path, { method, data: method === "PUT" ? { role: "admin" } : undefined });
      expect(response.status()).toBe(400);
      expect(await response.json()).toEqual({ error: { code: "INVALID_PATH", message: "Adresse invalide : un de ses segments est mal encodé." } });
    });
  }
});

test("a garbage session cookie is no session: the page for visitors, 401 from the API", async ({ request }) => {
  const headers = { cookie: "next-auth.session-token=pas-un-jeton; __Secure-next-auth.session-token=%00%ff" };
  expect((await request.get("/", { headers })).status()).toBe(200);
  // With a cookie, proxy.ts lets Mon parcours through; the page reads the session and sends the
  // visitor to the sign-in page.
  const progress = await request.get("/progress", { headers, maxRedirects: 0 });
  expect(progress.status()).toBe(307);
  expect(progress.headers()["location"]).toContain("/sign-in?callbackUrl=%2Fprogress");
  const api = await request.post("/api/progress", { headers, data: {} });
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("UNAUTHENTICATED");
});

test("next-auth's endpoints answer bad input with the JSON error body (found by the fuzz)", async ({ request }) => {
  for (const body of ["", "{", "NaN"]) {
    const response = await request.post("/api/auth/session", { headers: { "content-type": "application/json" }, data: Buffer.from(body) });
    expect(response.status(), `POST /api/auth/session with ${JSON.stringify(body)}`).toBe(400);
    expect((await response.json()).error.code).toBe("INVALID_JSON");
  }
  // A callbackUrl query parameter next-auth refuses (not an http(s) URL nor a path) was a 500.
  for (const [method, path] of [
    ["GET", "/api/auth/session?callbackUrl=x%EF%BF%BD&code=%F3%A7%9A%9C%01"],
    ["POST", "/api/auth/session?callbackUrl=javascript:alert(1)"],
    ["GET", "/api/auth/csrf?callbackUrl=%EF%BF%BD%5C"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(400);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  }
  expect((await request.get("/api/auth/session?callbackUrl=%2Fprogress")).status()).toBe(200);
  const unknown = await request.post("/api/auth/no-such-action", { form: { a: "1" } });
  expect(unknown.status()).toBeLessThan(500);
  expect((await unknown.json()).error.code).toMatch(/^[A-Z_]+$/);
  const missing = await request.get("/api/no-such-route/x");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");
});
