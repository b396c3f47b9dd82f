import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { EmailContent } from "@/lib/mail/templates";
import { getDb } from "../db";
import { isUniqueViolation } from "../transactions";
import { getEnv } from "../env";

/**
 * The one mailer. Every e-mail is first written as an EmailMessage row (the outbox); delivery then
 * sends it over SMTP when SMTP_URL is set, or marks it "kept" so that an admin reads it on
 * /admin/outbox — nothing is lost and `npm start` needs no mail server. A row claimed by an
 * instance that crashed before sending is claimed again after CLAIM_TIMEOUT_MS.
 */
export const CLAIM_TIMEOUT_MS = 10 * 60_000;
export const MAX_SEND_ATTEMPTS = 5;

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];
type Writer = Tx | ReturnType<typeof getDb>;

/** An iCalendar file the e-mail carries (a live session's invitation, update or cancellation): calendar applications offer to add it. */
export type EmailCalendar = { method: "REQUEST" | "CANCEL" | "PUBLISH"; text: string };

export type QueuedEmail = EmailContent & { to: string; userId?: string | null; key?: string | null; calendar?: EmailCalendar | null };

/** Writes an e-mail to the outbox. With a `key` already used, writes nothing and returns null. */
export async function queueEmail(db: Writer, email: QueuedEmail): Promise<{ id: string } | null> {
  try {
    return await db.emailMessage.create({
      data: {
        key: email.key ?? null,
        userId: email.userId ?? null,
        toAddress: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        calendarMethod: email.calendar?.method ?? null,
        calendar: email.calendar?.text ?? null,
      },
      select: { id: true },
    });
  } catch (error) {
    if (email.key && isUniqueViolation(error)) return null;
    throw error;
  }
}

let transport: { url: string; transporter: Transporter } | undefined;

function getTransporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Sends (or keeps) what is waiting in the outbox. Returns how many were handled. Safe to run on several instances at once. */
export async function deliverPendingEmails(now = new Date(), limit = 200): Promise<{ sent: number; kept: number; failed: number }> {
  const db = getDb();
  const { SMTP_URL, MAIL_FROM } = getEnv();
  const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  const candidates = await db.emailMessage.findMany({
    where: { status: "pending", OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, claimedAt: true },
  });
  const result = { sent: 0, kept: 0, failed: 0 };
  for (const candidate of candidates) {
    // Claim it: only one instance's conditional update can match the row as it was read.
    const claimed = await db.emailMessage.updateMany({
      where: { id: candidate.id, status: "pending", claimedAt: candidate.claimedAt },
      data: { claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    const email = await db.emailMessage.findUniqueOrThrow({ where: { id: candidate.id } });
    if (!SMTP_URL) {
      await db.emailMessage.update({ where: { id: email.id }, data: { status: "kept" } });
      result.kept++;
      continue;
    }
    try {
      await getTransporter(SMTP_URL).sendMail({
        from: MAIL_FROM,
        to: email.toAddress,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // nodemailer puts it as a text/calendar alternative and an invite.ics attachment.
        ...(email.calendar && email.calendarMethod ? { icalEvent: { method: email.calendarMethod, filename: "invitation.ics", content: email.calendar } } : {}),
      });
      await db.emailMessage.update({ where: { id: email.id }, data: { status: "sent", sentAt: new Date() } });
      result.sent++;
    } catch (error) {
      const isLastAttempt = email.attempts >= MAX_SEND_ATTEMPTS;
      await db.emailMessage.update({
        where: { id: email.id },
        data: { status: isLastAttempt ? "failed" : "pending", claimedAt: null, lastError: String((error as Error)?.message ?? error).slice(0, 500) },
      });
      result.failed++;
    }
  }
  return result;
}

/** The platform's public URL, for links in e-mails. */
export function publicUrl(path: string): string {
  const base = getEnv().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  return new URL(path, base).toString();
}
