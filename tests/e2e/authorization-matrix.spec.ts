import { expect, test, type APIRequestContext } from "@playwright/test";
import { AUTHORIZATION_MATRIX, VISITORS, type Visitor } from "../authorization-matrix";
import { apiClientAs } from "./support";

test.describe("authorization matrix", () => {
  const clients = new Map<Visitor, APIRequestContext>();

  test.beforeAll(async ({ baseURL }) => {
    for (const visitor of VISITORS) clients.set(visitor, await apiClientAs(visitor, baseURL!));
  });

  test.afterAll(async () => {
    for (const client of clients.values()) await client.dispose();
  });

  for (const row of AUTHORIZATION_MATRIX) {
    test(`${row.method} ${row.path} (${row.file})`, async () => {
      for (const visitor of VISITORS) {
        const response = await clients.get(visitor)!.fetch(row.path, {
          method: row.method,
          data: row.body,
          maxRedirects: 0,
        });
        expect(response.status(), `${visitor} → ${row.method} ${row.path}`).toBe(row.expected[visitor]);
        if (response.status() === 307 && (visitor === "anonymous" || row.redirectsTo)) {
          expect(response.headers().location).toContain(row.redirectsTo ?? "/sign-in");
        }
        if (row.path.startsWith("/api/") && response.status() >= 400) {
          const body = await response.json();
          expect(typeof body.error?.code, `${visitor} → JSON error code`).toBe("string");
        }
      }
    });
  }
});
