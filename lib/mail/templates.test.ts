import { describe, expect, it } from "vitest";
import { digestEmail, escapeHtml, invitationEmail, reminderEmail, reminderLineText } from "./templates";

describe("escapeHtml", () => {
  const table: [string, string][] = [
    ["Zoé", "Zoé"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["Dupont & Fils", "Dupont &amp; Fils"],
    [`"guillemets" et l'apostrophe`, "&quot;guillemets&quot; et l&#39;apostrophe"],
    ["&amp;", "&amp;amp;"],
  ];
  it.each(table)("%j → %j", (input, expected) => expect(escapeHtml(input)).toBe(expected));
});

const hostile = `<img src=x onerror="alert('x')"> & Cie`;

describe("reminderEmail", () => {
  const todoUrl = "https://formation.exemple.fr/progress#a-faire";
  const settingsUrl = "https://formation.exemple.fr/account";
  const lines = [
    { kind: "overdue" as const, title: "Choisir sa place de marché", cohortName: "Groupe <mardi>", dueOn: "2026-12-10" },
    { kind: "due-soon" as const, title: "Fiches produits & photos", cohortName: "Groupe <mardi>", dueOn: "2026-12-24" },
  ];
  const email = reminderEmail({ learnerName: hostile, lines, todoUrl, settingsUrl });

  it("escapes the learner's name and the cohort name in HTML, and keeps them as typed in text", () => {
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; Cie");
    expect(email.html).toContain("Groupe &lt;mardi&gt;");
    expect(email.html).toContain("Fiches produits &amp; photos");
    expect(email.text).toContain(`Bonjour ${hostile},`);
    expect(email.text).toContain("Groupe <mardi>");
  });

  it("has the links back to the platform in text and HTML", () => {
    expect(email.text).toContain(todoUrl);
    expect(email.text).toContain(settingsUrl);
    expect(email.html).toContain(`href="${todoUrl}"`);
    expect(email.html).toContain(`href="${settingsUrl}"`);
  });

  it("lists each item with its French date", () => {
    expect(email.text).toContain("- En retard : Choisir sa place de marché (groupe Groupe <mardi>), à terminer pour le 10 décembre 2026");
    expect(email.text).toContain("- À terminer pour le 24 décembre 2026 : Fiches produits & photos (groupe Groupe <mardi>)");
    expect(email.html.match(/<li>/g)).toHaveLength(2);
  });

  const subjects: [string, ("overdue" | "due-soon")[], string][] = [
    ["one overdue", ["overdue"], "Rappel : 1 élément en retard dans votre formation"],
    ["two overdue and one due soon", ["overdue", "overdue", "due-soon"], "Rappel : 2 éléments en retard dans votre formation"],
    ["one due soon", ["due-soon"], "Rappel : 1 élément à terminer bientôt"],
    ["two due soon", ["due-soon", "due-soon"], "Rappel : 2 éléments à terminer bientôt"],
  ];
  it.each(subjects)("subject with %s", (_name, kinds, subject) => {
    const many = kinds.map((kind, i) => ({ kind, title: `Module ${i}`, cohortName: "G", dueOn: "2026-12-10" }));
    expect(reminderEmail({ learnerName: "Ana", lines: many, todoUrl, settingsUrl }).subject).toBe(subject);
  });

  it("one line of text per kind", () => {
    expect(reminderLineText({ kind: "overdue", title: "T", cohortName: "G", dueOn: "2027-01-01" })).toBe("En retard : T (groupe G), à terminer pour le 1 janvier 2027");
  });
});

describe("invitationEmail", () => {
  const joinUrl = "https://formation.exemple.fr/join/ABCDEFGH";
  const email = invitationEmail({ cohortName: `Groupe "${hostile}"`, trainerNames: ["Ana <formatrice>", "Bob"], joinUrl, code: "ABCD-EFGH" });

  it("names the cohort in the subject and has the join link and code in both parts", () => {
    expect(email.subject).toBe(`Invitation : Groupe "${hostile}"`);
    expect(email.text).toContain(joinUrl);
    expect(email.html).toContain(`href="${joinUrl}"`);
    expect(email.text).toContain("ABCD-EFGH");
    expect(email.html).toContain("ABCD-EFGH");
  });

  it("escapes names in HTML", () => {
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<formatrice>");
    expect(email.html).toContain("Ana &lt;formatrice&gt;, Bob vous invite");
  });

  it("escapes a link with quotes so it cannot break out of the attribute", () => {
    const tricky = invitationEmail({ cohortName: "G", trainerNames: ["A"], joinUrl: `https://x.test/join/"><script>`, code: "X" });
    expect(tricky.html).toContain(`href="https://x.test/join/&quot;&gt;&lt;script&gt;"`);
  });
});

describe("digestEmail", () => {
  const cohortsUrl = "https://formation.exemple.fr/cohorts";
  const lines = [
    { cohortName: "Mardi", learnerName: "Zoé <b>", title: "Module A", dueOn: "2026-12-10" },
    { cohortName: "Mardi", learnerName: "Zoé <b>", title: "Module B", dueOn: "2026-12-11" },
    { cohortName: "Jeudi", learnerName: "Zoé <b>", title: "Module A", dueOn: "2026-12-10" },
    { cohortName: "Jeudi", learnerName: "Marc", title: "Module A", dueOn: "2026-12-10" },
  ];

  it("counts learners per cohort, escapes their names and links to the cohorts", () => {
    const email = digestEmail({ trainerName: "Ana", lines, cohortsUrl });
    expect(email.subject).toBe("Vos apprenant·e·s en retard (3)");
    expect(email.text).toContain("Cette semaine, 3 apprenant·es ont du retard");
    expect(email.text).toContain("Mardi — Zoé <b> : Module B (échéance 11 décembre 2026)");
    expect(email.html).toContain("Mardi — Zoé &lt;b&gt; : Module B");
    expect(email.html).not.toContain("<b>");
    expect(email.text).toContain(cohortsUrl);
    expect(email.html).toContain(`href="${cohortsUrl}"`);
  });

  it("one learner: singular", () => {
    expect(digestEmail({ trainerName: "Ana", lines: lines.slice(0, 2), cohortsUrl }).text).toContain("Cette semaine, 1 apprenant·e a du retard");
  });
});
