import "server-only";
import { cookies } from "next/headers";
import { can } from "@/lib/permissions";
import { PATH_COOKIE } from "@/lib/schemas/preferences";
import { now } from "./clock";
import { listTodo, type TodoItem } from "./data/assignments";
import { listLearnerCohorts } from "./data/memberships";
import type { SessionUser } from "./data/users";

/**
 * What the programme's pages share besides their own read (server/data/progress-views.ts): a
 * visitor's path, and a learner's groups and « À faire ».
 */

/** A visitor keeps the parcours neutre in a cookie; a signed-in account keeps it in the account (read with the learner's progress). */
export async function isVisitorOnNeutralPath(): Promise<boolean> {
  return (await cookies()).get(PATH_COOKIE)?.value === "neutre";
}

/** The learner's « À faire » and groups; read only for a learner in a group (the to-do list is made of the groups' assignments). */
export async function readTodo(user: SessionUser | null, isInCohort: boolean): Promise<[TodoItem[], Awaited<ReturnType<typeof listLearnerCohorts>>]> {
  return user && can(user, "cohorts:join") && isInCohort ? Promise.all([listTodo(user, now()), listLearnerCohorts(user)]) : [[], []];
}
