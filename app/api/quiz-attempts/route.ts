import { NextResponse } from "next/server";
import { quizAttemptSchema } from "@/lib/schemas/progress";
import { requireApiPermission } from "@/server/auth";
import { recordQuizAttempt } from "@/server/data/progress";
import { parseJsonBody, route } from "@/server/http";

/** Grades a checkpoint quiz on the server (the answers never reach the browser before this). */
export const POST = route(async (request) => {
  const actor = await requireApiPermission("progress:record");
  const body = await parseJsonBody(request, quizAttemptSchema);
  const { result, progress } = await recordQuizAttempt(actor, body);
  return NextResponse.json({ result, progress }, { status: 201 });
});
