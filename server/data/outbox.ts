import "server-only";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { getDb } from "../db";

export const OUTBOX_PAGE_SIZE = 50;

/** The outbox, for admins: every e-mail the platform wrote, newest first. */
export async function listOutbox(actor: Actor, options: { page?: number } = {}) {
  if (!can(actor, "outbox:view")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const total = await db.emailMessage.count();
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const emails = await db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, toAddress: true, subject: true, text: true, status: true, attempts: true, sentAt: true, lastError: true, createdAt: true },
  });
  return { emails, total, page, pageCount };
}
