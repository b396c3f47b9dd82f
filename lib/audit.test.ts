import { describe, expect, it } from "vitest";
import { accessSentence, auditDetailsText, auditPeriod, auditPerson, personText, targetText, type AuditLogEntry } from "./audit";
import { makeTranslator } from "./i18n";

const t = makeTranslator("fr");
const en = makeTranslator("en");

describe("auditPeriod (calendar days in Europe/Paris)", () => {
  const table: [from: string | undefined, to: string | undefined, expected: { gte?: string; lt?: string }][] = [
    [undefined, undefined, {}],
    ["2026-01-15", undefined, { gte: "2026-01-14T23:00:00.000Z" }],
    [undefined, "2026-01-15", { lt: "2026-01-15T23:00:00.000Z" }],
    ["2026-07-01", "2026-07-31", { gte: "2026-06-30T22:00:00.000Z", lt: "2026-07-31T22:00:00.000Z" }],
    // The night the clocks go forward (29 March 2026) and back (25 October 2026).
    ["2026-03-29", "2026-03-29", { gte: "2026-03-28T23:00:00.000Z", lt: "2026-03-29T22:00:00.000Z" }],
    ["2026-10-25", "2026-10-25", { gte: "2026-10-24T22:00:00.000Z", lt: "2026-10-25T23:00:00.000Z" }],
    ["2026-12-31", "2027-01-01", { gte: "2026-12-30T23:00:00.000Z", lt: "2027-01-01T23:00:00.000Z" }],
  ];
  it.each(table)("%s → %s", (from, to, expected) => {
    const period = auditPeriod(from, to);
    expect({ gte: period.gte?.toISOString(), lt: period.lt?.toISOString() }).toEqual({ gte: expected.gte, lt: expected.lt });
  });
});

describe("people in the log", () => {
  const table: [user: { id: string; name: string; role: string } | null, pseudonym: string | null, plain: string, withRole: string, english: string][] = [
    [{ id: "u1", name: "Karim Benali", role: "trainer" }, null, "Karim Benali", "Karim Benali (Formateur·rice)", "Karim Benali (Trainer)"],
    [{ id: "u1", name: "Karim Benali", role: "trainer" }, "Compte supprimé n° 3F9A1C2E", "Karim Benali", "Karim Benali (Formateur·rice)", "Karim Benali (Trainer)"],
    [null, "Compte supprimé n° 3F9A1C2E", "Compte supprimé n° 3F9A1C2E", "Compte supprimé n° 3F9A1C2E", "Deleted account no. 3F9A1C2E"],
    [null, null, "Système", "Système", "System"],
  ];
  it.each(table)("%j / %j", (user, pseudonym, plain, withRole, english) => {
    const person = auditPerson(user, pseudonym);
    expect(personText(person, t)).toBe(plain);
    expect(personText(person, t, { withRole: true })).toBe(withRole);
    expect(personText(person, en, { withRole: true })).toBe(english);
  });
});

describe("entries in words", () => {
  const karim = auditPerson({ id: "k", name: "Karim", role: "trainer" }, null);
  const claire = auditPerson({ id: "c", name: "Claire", role: "admin" }, null);
  const ana = auditPerson({ id: "a", name: "Ana", role: "merchant" }, null);
  const entry = (action: AuditLogEntry["action"], details: Record<string, unknown>, rest: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
    id: "e",
    action,
    createdAt: new Date(0),
    actor: karim,
    target: null,
    details,
    ...rest,
  });
  const table: [AuditLogEntry, details: string, whose: string][] = [
    [entry("learner.viewed", { cohortId: "c1" }, { target: ana, cohortName: "Groupe du mardi" }), "Groupe : Groupe du mardi", "Ana"],
    [entry("learner.viewed", { cohortId: "c1" }, { target: ana, cohortName: null }), "Groupe : groupe supprimé", "Ana"],
    [entry("cohort.exported", { cohortId: "c1", learners: 12 }, { cohortName: "Nantes" }), "12 apprenant·e(s) ; groupe : Nantes", "Les apprenant·e·s du groupe"],
    [entry("users.listed", { page: 1, isSearch: false }, { actor: claire }), "Page 1", "Tous les comptes"],
    [entry("users.listed", { page: 3, isSearch: true }, { actor: claire }), "Page 3, avec une recherche", "Tous les comptes"],
    [entry("user.role-changed", { from: "merchant", to: "trainer" }, { actor: claire, target: ana }), "Commerçant·e → Formateur·rice", "Ana"],
    [entry("account.exported", { format: "xapi" }, { actor: ana, target: ana }), "Relevé d’apprentissage xAPI", "Ana"],
    [entry("user.role-changed", {}, { actor: claire, target: auditPerson(null, "Compte supprimé n° 00000000") }), "inconnu → inconnu", "Compte supprimé n° 00000000"],
  ];
  it.each(table)("%j", (e, details, whose) => {
    expect(auditDetailsText(e, t)).toBe(details);
    expect(targetText(e, t)).toBe(whose);
  });

  it("tells a learner what each access was, naming who", () => {
    expect(accessSentence(entry("learner.viewed", { cohortId: "c1" }, { cohortName: "Nantes" }), t)).toBe(
      "Karim (Formateur·rice) a consulté votre progression (groupe : Nantes).",
    );
    expect(accessSentence(entry("cohort.exported", { cohortId: "c1", learners: 3 }, { cohortName: "Nantes" }), t)).toBe(
      "Karim (Formateur·rice) a téléchargé le tableau de bord de votre groupe, un fichier avec votre nom, votre e-mail et votre progression (groupe : Nantes).",
    );
    expect(accessSentence(entry("user.role-changed", { from: "merchant", to: "trainer" }, { actor: claire }), t)).toBe(
      "Claire (Administrateur·rice) a changé votre rôle : Commerçant·e → Formateur·rice.",
    );
    expect(accessSentence(entry("learner.viewed", { cohortId: "c1" }, { actor: auditPerson(null, "Compte supprimé n° 3F9A1C2E"), cohortName: "Nantes" }), en)).toBe(
      "Deleted account no. 3F9A1C2E viewed your progress (group: Nantes).",
    );
  });
});
