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
  /** Where a 307 sends every visitor, when it is not the sign-in page (anonymous visitors go there by default). */
  redirectsTo?: string;
  why: string;
};

const everyone = (status: number): Record<Visitor, number> => ({ anonymous: status, merchant: status, trainer: status, admin: status });

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  { file: "app/(site)/page.tsx", method: "GET", path: "/", expected: everyone(200), why: "the programme is open to all" },
  {
    file: "app/(site)/(auth)/sign-in/page.tsx",
    method: "GET",
    path: "/sign-in",
    expected: { anonymous: 200, merchant: 307, trainer: 307, admin: 307 },
    why: "signed-in users are sent on",
  },
  {
    file: "app/(site)/(auth)/sign-up/page.tsx",
    method: "GET",
    path: "/sign-up",
    expected: { anonymous: 200, merchant: 307, trainer: 307, admin: 307 },
    why: "signed-in users are sent on",
  },
  {
    file: "app/(site)/admin/users/page.tsx",
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
    file: "app/(site)/chapters/[chapterId]/page.tsx",
    method: "GET",
    path: "/chapters/place-de-marche",
    expected: everyone(200),
    why: "the programme is open to all",
  },
  {
    file: "app/(site)/modules/[moduleId]/page.tsx",
    method: "GET",
    path: "/modules/marche-vendre-sur-amazon",
    expected: everyone(200),
    why: "the programme is open to all",
  },
  { file: "app/(site)/search/page.tsx", method: "GET", path: "/search?q=livraison", expected: everyone(200), why: "search is open to all" },
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
  { file: "app/(site)/[...missing]/page.tsx", method: "GET", path: "/no-such-page", expected: everyone(404), why: "any other address: not found" },
  { file: "app/(site)/introuvable/page.tsx", method: "GET", path: "/introuvable", expected: everyone(404), why: "where proxy.ts sends the addresses it refuses: not found" },
  { file: "app/api/ping/route.ts", method: "GET", path: "/api/ping", expected: everyone(204), why: "liveness, no data" },
  { file: "app/icons/[name]/route.tsx", method: "GET", path: "/icons/icon-192.png", expected: everyone(200), why: "the installed platform's icon (the web app manifest's), public" },
  {
    file: "app/(site)/progress/page.tsx",
    method: "GET",
    path: "/progress",
    expected: { anonymous: 307, merchant: 200, trainer: 200, admin: 200 },
    why: "each signed-in learner sees their own progress",
  },
  {
    file: "app/(site)/progress/attestation/page.tsx",
    method: "GET",
    path: "/progress/attestation",
    expected: { anonymous: 307, merchant: 404, trainer: 404, admin: 404 },
    why: "one's own attestation; the demo accounts have none yet",
  },
  {
    file: "app/(site)/attestation/[code]/page.tsx",
    method: "GET",
    path: "/attestation/0000000000000000",
    expected: everyone(200),
    why: "public verification page; an unknown code is said to be unknown",
  },
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({
    file: "app/api/[...path]/route.ts",
    method,
    path: "/api/no-such-route/x",
    expected: everyone(404),
    why: "any other path under /api/ is a JSON 404",
  })),
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", expected: everyone(200), why: "liveness, no data" },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    expected: everyone(200),
    why: "next-auth's endpoints; the session endpoint answers everyone (empty without a session)",
  },
  // ── Cohorts (issue 8). The demo seed gives the demo trainer (Karim) the cohort "cohorte-demo" and
  // another trainer (Sophie) "cohorte-demo-sophie": every trainer row aimed at Sophie's cohort must
  // answer 404 to Karim (existence is private), and 403 to merchants and admins (not trainers).
  {
    file: "app/api/cohorts/route.ts",
    method: "POST",
    path: "/api/cohorts",
    body: { name: "" },
    expected: { anonymous: 401, merchant: 403, trainer: 400, admin: 403 },
    why: "trainers create cohorts; this body is invalid so nothing is created",
  },
  {
    file: "app/api/cohorts/[cohortId]/route.ts",
    method: "PATCH",
    path: "/api/cohorts/cohorte-demo-sophie",
    body: { name: "Renommé" },
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's own trainers change it; another trainer's cohort is a 404",
  },
  ...(["POST", "PATCH"] as const).map((method) => ({
    file: "app/api/cohorts/[cohortId]/join-code/route.ts",
    method,
    path: "/api/cohorts/cohorte-demo-sophie/join-code",
    body: {},
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "join codes of another trainer's cohort are out of reach",
  })),
  {
    file: "app/api/cohorts/[cohortId]/join-code/route.ts",
    method: "DELETE",
    path: "/api/cohorts/cohorte-demo-sophie/join-code",
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "join codes of another trainer's cohort are out of reach",
  },
  {
    file: "app/api/cohorts/[cohortId]/invitations/route.ts",
    method: "POST",
    path: "/api/cohorts/cohorte-demo-sophie/invitations",
    body: { emails: "a@exemple.test" },
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's trainers invite",
  },
  {
    file: "app/api/cohorts/[cohortId]/trainers/route.ts",
    method: "POST",
    path: "/api/cohorts/cohorte-demo-sophie/trainers",
    body: { email: "karim.formateur@demo.test" },
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "a trainer cannot add themselves to another trainer's cohort",
  },
  {
    file: "app/api/cohorts/[cohortId]/members/[userId]/route.ts",
    method: "DELETE",
    path: "/api/cohorts/cohorte-demo-sophie/members/no-such-user",
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's trainers remove members",
  },
  {
    file: "app/api/cohorts/[cohortId]/assignments/route.ts",
    method: "POST",
    path: "/api/cohorts/cohorte-demo-sophie/assignments",
    body: { itemKind: "chapter", itemId: "marque", dueKind: "none" },
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's trainers assign",
  },
  ...(["PATCH", "DELETE"] as const).map((method) => ({
    file: "app/api/cohorts/[cohortId]/assignments/[assignmentId]/route.ts",
    method,
    path: "/api/cohorts/cohorte-demo-sophie/assignments/no-such-assignment",
    ...(method === "PATCH" ? { body: { dueKind: "none" } } : {}),
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's trainers change its assignments",
  })),
  ...(["PUT", "DELETE"] as const).map((method) => ({
    file: "app/api/cohorts/[cohortId]/assignments/[assignmentId]/extensions/[userId]/route.ts",
    method,
    path: "/api/cohorts/cohorte-demo-sophie/assignments/no-such-assignment/extensions/no-such-user",
    ...(method === "PUT" ? { body: { dueOn: "2030-01-01" } } : {}),
    expected: { anonymous: 401, merchant: 403, trainer: 404, admin: 403 },
    why: "only a cohort's trainers give extensions",
  })),
  {
    file: "app/api/cohorts/[cohortId]/export/route.ts",
    method: "GET",
    path: "/api/cohorts/cohorte-demo/export",
    expected: { anonymous: 401, merchant: 403, trainer: 200, admin: 403 },
    why: "the demo trainer exports their own cohort",
  },
  {
    file: "app/api/memberships/route.ts",
    method: "POST",
    path: "/api/memberships",
    body: { code: "0000" },
    expected: { anonymous: 401, merchant: 400, trainer: 403, admin: 403 },
    why: "merchants join cohorts; this code is malformed so nothing is joined",
  },
  {
    file: "app/api/memberships/[cohortId]/route.ts",
    method: "DELETE",
    path: "/api/memberships/no-such-cohort",
    expected: { anonymous: 401, merchant: 404, trainer: 403, admin: 403 },
    why: "a learner leaves only a cohort they are in",
  },
  {
    file: "app/api/notifications/read/route.ts",
    method: "POST",
    path: "/api/notifications/read",
    body: { ids: ["no-such-notification"] },
    expected: { anonymous: 401, merchant: 200, trainer: 200, admin: 200 },
    why: "each user marks their own notifications; others' ids match nothing",
  },
  {
    file: "app/api/preferences/reminders/route.ts",
    method: "PUT",
    path: "/api/preferences/reminders",
    body: { wantsReminderEmails: true },
    expected: { anonymous: 401, merchant: 200, trainer: 200, admin: 200 },
    why: "each signed-in user sets their own reminder e-mails",
  },
  // ── trainer pages (cohort list, dashboard, assignments, members, learner page)
  {
    file: "app/(site)/cohorts/page.tsx",
    method: "GET",
    path: "/cohorts",
    expected: { anonymous: 307, merchant: 403, trainer: 200, admin: 403 },
    why: "a trainer's own cohorts",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo",
    expected: { anonymous: 307, merchant: 403, trainer: 200, admin: 403 },
    why: "the demo trainer's cohort dashboard",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo-sophie",
    expected: { anonymous: 307, merchant: 403, trainer: 404, admin: 403 },
    why: "another trainer's cohort does not exist for this one",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/assignments/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo/assignments",
    expected: { anonymous: 307, merchant: 403, trainer: 200, admin: 403 },
    why: "the demo trainer's own assignments",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/assignments/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo-sophie/assignments",
    expected: { anonymous: 307, merchant: 403, trainer: 404, admin: 403 },
    why: "another trainer's cohort does not exist for this one",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/members/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo/members",
    expected: { anonymous: 307, merchant: 403, trainer: 200, admin: 403 },
    why: "the demo trainer's own members and join code",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/members/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo-sophie/members",
    expected: { anonymous: 307, merchant: 403, trainer: 404, admin: 403 },
    why: "another trainer's cohort does not exist for this one",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/invitation/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo/invitation",
    expected: { anonymous: 307, merchant: 403, trainer: 200, admin: 403 },
    why: "the demo trainer projects their own join code",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/invitation/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo-sophie/invitation",
    expected: { anonymous: 307, merchant: 403, trainer: 404, admin: 403 },
    why: "another trainer's join code is out of reach",
  },
  {
    file: "app/(site)/cohorts/[cohortId]/learners/[userId]/page.tsx",
    method: "GET",
    path: "/cohorts/cohorte-demo-sophie/learners/no-such-user",
    expected: { anonymous: 307, merchant: 403, trainer: 404, admin: 403 },
    why: "a learner's page is for the trainers of their cohort; another trainer's cohort is a 404",
  },
  // ── learner pages (join, notifications, account) and admin outbox
  { file: "app/(site)/join/[code]/page.tsx", method: "GET", path: "/join/MARCHE26", expected: everyone(200), why: "an invitation link shows its cohort to anyone" },
  { file: "app/(site)/join/page.tsx", method: "GET", path: "/join?code=marche26", expected: everyone(307), redirectsTo: "/join/MARCHE26", why: "a typed code is normalized and sent on to /join/CODE" },
  {
    file: "app/(site)/notifications/page.tsx",
    method: "GET",
    path: "/notifications",
    expected: { anonymous: 307, merchant: 200, trainer: 200, admin: 200 },
    why: "each signed-in user reads their own notifications",
  },
  {
    file: "app/(site)/account/page.tsx",
    method: "GET",
    path: "/account",
    expected: { anonymous: 307, merchant: 200, trainer: 200, admin: 200 },
    why: "each signed-in user manages their own account",
  },
  {
    file: "app/(site)/admin/outbox/page.tsx",
    method: "GET",
    path: "/admin/outbox",
    expected: { anonymous: 307, merchant: 403, trainer: 403, admin: 200 },
    why: "the e-mails the platform wrote are for admins",
  },
  {
    file: "app/(site)/admin/audit/page.tsx",
    method: "GET",
    path: "/admin/audit",
    expected: { anonymous: 307, merchant: 403, trainer: 403, admin: 200 },
    why: "the audit log (who accessed whose data) is for admins",
  },
  {
    file: "app/(site)/admin/audit/page.tsx",
    method: "GET",
    path: "/admin/audit?action=nope&from=2026-02-30&page=0",
    expected: { anonymous: 307, merchant: 403, trainer: 403, admin: 200 },
    why: "admins only; bad filters are explained on the page, never a 500",
  },
  ...(
    [
      ["app/(site)/admin/stats/page.tsx", "/admin/stats"],
      ["app/(site)/admin/stats/funnel/page.tsx", "/admin/stats/funnel"],
      ["app/(site)/admin/stats/retention/page.tsx", "/admin/stats/retention"],
      ["app/(site)/admin/stats/paths/page.tsx", "/admin/stats/paths"],
      ["app/(site)/admin/stats/profiles/page.tsx", "/admin/stats/profiles"],
    ] as const
  ).map(([file, path]) => ({
    file,
    method: "GET" as const,
    path,
    expected: { anonymous: 307, merchant: 403, trainer: 403, admin: 200 },
    why: "programme statistics are for admins",
  })),
  {
    file: "app/api/admin/stats/[table]/route.ts",
    method: "GET",
    path: "/api/admin/stats/by-region",
    expected: { anonymous: 401, merchant: 403, trainer: 403, admin: 200 },
    why: "the statistics' CSV files are for admins",
  },
  {
    file: "app/api/admin/stats/[table]/route.ts",
    method: "GET",
    path: "/api/admin/stats/no-such-table",
    expected: { anonymous: 401, merchant: 403, trainer: 403, admin: 404 },
    why: "admins only; an unknown table is a 404",
  },
  // ── data rights: each signed-in user downloads their own data (issue 10)
  {
    file: "app/api/account/export/route.ts",
    method: "GET",
    path: "/api/account/export",
    expected: { anonymous: 401, merchant: 200, trainer: 200, admin: 200 },
    why: "every signed-in user downloads everything the platform holds about them (JSON)",
  },
  {
    file: "app/api/account/export/xapi/route.ts",
    method: "GET",
    path: "/api/account/export/xapi",
    expected: { anonymous: 401, merchant: 200, trainer: 200, admin: 200 },
    why: "every signed-in user downloads their learning record (xAPI statements)",
  },
  {
    file: "app/(site)/account/deleted/page.tsx",
    method: "GET",
    path: "/account/deleted",
    expected: everyone(200),
    why: "where an erased account lands, signed out",
  },
  {
    file: "app/api/account/route.ts",
    method: "PATCH",
    path: "/api/account",
    body: { name: "" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "everyone renames only their own account; an empty name is refused",
  },
  {
    file: "app/api/account/route.ts",
    method: "DELETE",
    path: "/api/account",
    body: { password: "" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "everyone erases only their own account, with their password (none given here: nothing is erased)",
  },
  {
    file: "app/api/account/email/route.ts",
    method: "PUT",
    path: "/api/account/email",
    body: { email: "pas-une-adresse", currentPassword: "" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "own e-mail only, confirmed by the password",
  },
  {
    file: "app/api/account/password/route.ts",
    method: "PUT",
    path: "/api/account/password",
    body: { currentPassword: "", newPassword: "court" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "own password only, confirmed by the current one",
  },
  {
    file: "app/api/account/profile/route.ts",
    method: "PUT",
    path: "/api/account/profile",
    body: { sector: "inconnu" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "own business profile only",
  },
  {
    file: "app/api/account/locale/route.ts",
    method: "PUT",
    path: "/api/account/locale",
    body: { locale: "xx" },
    expected: { anonymous: 401, merchant: 400, trainer: 400, admin: 400 },
    why: "own language only",
  },
  {
    file: "app/api/account/profile/route.ts",
    method: "DELETE",
    path: "/api/account/profile",
    expected: { anonymous: 401, merchant: 204, trainer: 204, admin: 204 },
    why: "everyone may withdraw their own business profile (staff have none: nothing changes)",
  },
];
