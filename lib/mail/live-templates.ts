/**
 * The e-mails about live sessions, in French (plain text and simple HTML, like lib/mail/templates.ts).
 * Invitations, updates and cancellations carry the session's calendar file (the caller attaches it).
 */
import type { LiveReminderKind } from "../live/sessions";
import { layout, plain, type EmailContent } from "./templates";

export type LiveSessionMailFacts = {
  title: string;
  cohortName: string;
  /** « jeudi 10 décembre 2026 de 18:00 à 19:00 (heure de Paris) ». */
  when: string;
  /** « En ligne : le lien s’affiche sur la page de la session 15 minutes avant le début » or the address. */
  where: string;
  sessionUrl: string;
};

type Kind = "registered" | "changed" | "cancelled" | "unregistered";

const SUBJECT: Record<Kind, (f: LiveSessionMailFacts) => string> = {
  registered: (f) => `Inscription confirmée : ${f.title}`,
  changed: (f) => `Session modifiée : ${f.title}`,
  cancelled: (f) => `Session annulée : ${f.title}`,
  unregistered: (f) => `Désinscription confirmée : ${f.title}`,
};

const LEAD: Record<Kind, string> = {
  registered: "Votre inscription à la session en direct est confirmée.",
  changed: "La session en direct à laquelle vous êtes inscrit·e a changé. Voici ce qui vaut désormais.",
  cancelled: "La session en direct à laquelle vous étiez inscrit·e est annulée.",
  unregistered: "Vous n’êtes plus inscrit·e à cette session en direct.",
};

const CALENDAR_NOTE: Record<Kind, string> = {
  registered: "Le fichier joint l’ajoute à votre agenda.",
  changed: "Le fichier joint met votre agenda à jour.",
  cancelled: "Le fichier joint la retire de votre agenda.",
  unregistered: "Le fichier joint la retire de votre agenda.",
};

export function liveSessionEmail(kind: Kind, input: LiveSessionMailFacts & { learnerName: string }): EmailContent {
  const paragraphs = [`Bonjour ${input.learnerName},`, LEAD[kind], CALENDAR_NOTE[kind]];
  const list = [`${input.title} (groupe ${input.cohortName})`, `Quand : ${input.when}`, ...(kind === "cancelled" || kind === "unregistered" ? [] : [`Où : ${input.where}`])];
  const link = { href: input.sessionUrl, label: "Voir la session" };
  return { subject: SUBJECT[kind](input), text: plain(paragraphs, list, link), html: layout(paragraphs, list, link) };
}

export function liveReminderEmail(kind: LiveReminderKind, input: LiveSessionMailFacts & { learnerName: string; settingsUrl: string }): EmailContent {
  const subject = kind === "1h" ? `Dans une heure : ${input.title}` : `Demain : ${input.title}`;
  const paragraphs = [`Bonjour ${input.learnerName},`, kind === "1h" ? "Votre session en direct commence bientôt." : "Votre session en direct a lieu dans 24 heures."];
  const list = [`${input.title} (groupe ${input.cohortName})`, `Quand : ${input.when}`, `Où : ${input.where}`];
  const link = { href: input.sessionUrl, label: "Ouvrir la session" };
  const footer = `Vous ne souhaitez plus de rappels par e-mail ? ${input.settingsUrl}`;
  return { subject, text: plain(paragraphs, list, link, footer), html: layout(paragraphs, list, link) };
}
