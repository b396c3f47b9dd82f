/**
 * The platform's e-mails, in French: a plain-text body and a simple HTML one (no images, no
 * remote resources, no tracking), each with a link back to the platform. Pure: the caller gives
 * the platform's public URL.
 */
import { formatIsoDate } from "../format";
import type { Day } from "../calendar-day";

export type EmailContent = { subject: string; text: string; html: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function layout(paragraphs: string[], list: string[], link: { href: string; label: string }): string {
  const items = list.length ? `<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : "";
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1f2937">${paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("")}${items}<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p><p style="color:#6b7280;font-size:12px">Accélérateur libre — formation libre et gratuite pour les commerçants.</p></body></html>`;
}

export function plain(paragraphs: string[], list: string[], link: { href: string; label: string }, footer?: string): string {
  return [...paragraphs, ...(list.length ? [list.map((l) => `- ${l}`).join("\n")] : []), `${link.label} : ${link.href}`, ...(footer ? [footer] : [])].join("\n\n") + "\n";
}

export function invitationEmail(input: { cohortName: string; trainerNames: string[]; joinUrl: string; code: string }): EmailContent {
  const paragraphs = [
    "Bonjour,",
    `${input.trainerNames.join(", ")} vous invite à rejoindre le groupe « ${input.cohortName} » sur Accélérateur libre, une formation gratuite en vidéos courtes pour vendre en ligne.`,
    `Ouvrez le lien ci-dessous, créez votre compte ou connectez-vous, puis confirmez. Vous pouvez aussi saisir le code ${input.code} sur la page d’accueil.`,
    "Vos formateur·rice·s verront votre progression dans le programme, jamais les informations sur votre entreprise.",
  ];
  const link = { href: input.joinUrl, label: "Rejoindre le groupe" };
  return { subject: `Invitation : ${input.cohortName}`, text: plain(paragraphs, [], link), html: layout(paragraphs, [], link) };
}

export type ReminderLine = { kind: "due-soon" | "overdue"; title: string; cohortName: string; dueOn: Day };

export function reminderLineText(line: ReminderLine): string {
  const date = formatIsoDate(line.dueOn, "fr");
  return line.kind === "overdue"
    ? `En retard : ${line.title} (groupe ${line.cohortName}), à terminer pour le ${date}`
    : `À terminer pour le ${date} : ${line.title} (groupe ${line.cohortName})`;
}

export function reminderEmail(input: { learnerName: string; lines: ReminderLine[]; todoUrl: string; settingsUrl: string }): EmailContent {
  const overdue = input.lines.filter((l) => l.kind === "overdue").length;
  const subject =
    overdue > 0
      ? `Rappel : ${overdue} élément${overdue > 1 ? "s" : ""} en retard dans votre formation`
      : `Rappel : ${input.lines.length} élément${input.lines.length > 1 ? "s" : ""} à terminer bientôt`;
  const paragraphs = [`Bonjour ${input.learnerName},`, "Voici ce qui vous attend dans votre formation :"];
  const list = input.lines.map(reminderLineText);
  const link = { href: input.todoUrl, label: "Voir « À faire » et reprendre" };
  const footer = `Vous ne souhaitez plus ces rappels par e-mail ? ${input.settingsUrl}`;
  return {
    subject,
    text: plain(paragraphs, list, link, footer),
    html: layout([...paragraphs], list, link).replace(
      "</body>",
      `<p style="color:#6b7280;font-size:12px"><a href="${escapeHtml(input.settingsUrl)}">Ne plus recevoir ces rappels par e-mail</a></p></body>`,
    ),
  };
}

export type DigestLine = { cohortName: string; learnerName: string; title: string; dueOn: Day };

export function digestEmail(input: { trainerName: string; lines: DigestLine[]; cohortsUrl: string }): EmailContent {
  const learners = new Set(input.lines.map((l) => `${l.cohortName}\u0000${l.learnerName}`)).size;
  const paragraphs = [
    `Bonjour ${input.trainerName},`,
    `Cette semaine, ${learners} apprenant·e${learners > 1 ? "s ont" : " a"} du retard dans vos groupes :`,
  ];
  const list = input.lines.map((l) => `${l.cohortName} — ${l.learnerName} : ${l.title} (échéance ${formatIsoDate(l.dueOn, "fr")})`);
  const link = { href: input.cohortsUrl, label: "Ouvrir vos groupes" };
  return { subject: `Vos apprenant·e·s en retard (${learners})`, text: plain(paragraphs, list, link), html: layout(paragraphs, list, link) };
}
