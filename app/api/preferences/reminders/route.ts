import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { reminderPreferencesSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { setWeeklyDigest } from "@/server/data/cohorts";
import { setReminderEmails } from "@/server/data/preferences";
import { parseJsonBody, route } from "@/server/http";

/** Reminder e-mails on or off (learners); the weekly digest on or off (trainers). */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:view");
  const input = await parseJsonBody(request, reminderPreferencesSchema);
  if (input.wantsWeeklyDigest !== undefined && !can(actor, "cohorts:train")) throw new AppError("FORBIDDEN");
  if (input.wantsReminderEmails !== undefined) await setReminderEmails(actor, input.wantsReminderEmails);
  if (input.wantsWeeklyDigest !== undefined) await setWeeklyDigest(actor, input.wantsWeeklyDigest);
  return NextResponse.json(input);
});
