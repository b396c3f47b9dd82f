/**
 * The authorization matrix: every page and route handler under app/ has a row saying what each
 * kind of visitor gets. tests/unit/authorization-matrix-coverage.test.ts fails when a file under
 * app/ has no row; tests/e2e/authorization-matrix.spec.ts requests every row as every visitor
 * against the running platform and checks the status.
 *
 * 307 = redirect (to sign-in without a session; away from sign-in/sign-up with one).
 * Route handlers answer 401 without a session and 403 with the wrong role (JSON body with a code).
 */
export const VISITORS = ["anonymous", "merchant", "trainer", "admin"] as const;
export type Visitor = (typeof VISITORS)[number];

export type MatrixRow = {
  /** The file under app/ that this row covers. */
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A concrete URL for the route (dynamic segments filled in). */
  path: string;
  /** JSON body sent with the request, if any. */
  body?: unknown;
  expected: Record<Visitor, number>;
  why: string;
};

const everyone = (status: number): Record<Visitor, number> => ({ anonymous: status, merchant: status, trainer: status, admin: status });

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  { file: "app/page.tsx", method: "GET", path: "/", expected: everyone(200), why: "the programme is open to all" },
  {
    file: "app/(auth)/sign-in/page.tsx",
    method: "GET",
    path: "/sign-in",
    expected: { anonymous: 200, merchant: 307, trainer: 307, admin: 307 },
    why: "signed-in users are sent on",
  },
  {
    file: "app/(auth)/sign-up/page.tsx",
    method: "GET",
    path: "/sign-up",
    expected: { anonymous: 200, merchant: 307, trainer: 307, admin: 307 },
    why: "signed-in users are sent on",
  },
  {
    file: "app/admin/users/page.tsx",
    method: "GET",
    path: "/admin/users",
    expected: { anonymous: 307, merchant: 403, trainer: 403, admin: 200 },
    why: "role management is for admins",
  },
  {
    file: "app/api/admin/users/[id]/role/route.ts",
    method: "PUT",
    path: "/api/admin/users/no-such-user/role",
    body: { role: "trainer" },
    expected: { anonymous: 401, merchant: 403, trainer: 403, admin: 404 },
    why: "admins only; an unknown user is a 404",
  },
  {
    file: "app/api/users/route.ts",
    method: "POST",
    path: "/api/users",
    body: { email: "pas-une-adresse" },
    expected: everyone(400),
    why: "sign-up is public; this body is invalid so nothing is created",
  },
  {
    file: "app/api/locale/route.ts",
    method: "POST",
    path: "/api/locale",
    body: { locale: "fr" },
    expected: everyone(204),
    why: "choosing the language is public",
  },
  {
    file: "app/chapters/[chapterId]/page.tsx",
    method: "GET",
    path: "/chapters/place-de-marche",
    expected: everyone(200),
    why: "the programme is open to all",
  },
  {
    file: "app/modules/[moduleId]/page.tsx",
    method: "GET",
    path: "/modules/marche-vendre-sur-amazon",
    expected: everyone(200),
    why: "the programme is open to all",
  },
  { file: "app/search/page.tsx", method: "GET", path: "/search?q=livraison", expected: everyone(200), why: "search is open to all" },
  {
    file: "app/api/preferences/path/route.ts",
    method: "PUT",
    path: "/api/preferences/path",
    body: { isNeutralPath: false },
    expected: everyone(200),
    why: "the parcours neutre is a visitor's cookie or a learner's own setting",
  },
  {
    file: "app/api/progress/route.ts",
    method: "POST",
    path: "/api/progress",
    body: { reportId: "not-a-uuid" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "learners only; this body is invalid so nothing is written",
  },
  {
    file: "app/api/quiz-attempts/route.ts",
    method: "POST",
    path: "/api/quiz-attempts",
    body: { moduleId: "no-such-module", answers: [0] },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "learners only; an unknown module is a 400",
  },
  {
    file: "app/api/attestations/route.ts",
    method: "POST",
    path: "/api/attestations",
    expected: { anonymous: 401, merchant: 409, trainer: 409, admin: 409 },
    why: "learners only; not earned yet by the demo accounts",
  },
  {
    file: "app/api/modules/[moduleId]/captions/route.ts",
    method: "GET",
    path: "/api/modules/marche-vendre-sur-amazon/captions",
    expected: everyone(200),
    why: "transcripts are public like the programme",
  },
  { file: "app/api/ping/route.ts", method: "GET", path: "/api/ping", expected: everyone(204), why: "liveness, no data" },
  {
    file: "app/progress/page.tsx",
    method: "GET",
    path: "/progress",
    expected: { anonymous: 307, merchant: 200, trainer: 200, admin: 200 },
    why: "each signed-in learner sees their own progress",
  },
  {
    file: "app/progress/attestation/page.tsx",
    method: "GET",
    path: "/progress/attestation",
    expected: { anonymous: 307, merchant: 404, trainer: 404, admin: 404 },
    why: "one's own attestation; the demo accounts have none yet",
  },
  {
    file: "app/attestation/[code]/page.tsx",
    method: "GET",
    path: "/attestation/0000000000000000",
    expected: everyone(200),
    why: "public verification page; an unknown code is said to be unknown",
  },
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", expected: everyone(200), why: "liveness, no data" },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    expected: everyone(200),
    why: "next-auth's endpoints; the session endpoint answers everyone (empty without a session)",
  },
];
