import "server-only";
import { cookies } from "next/headers";
import { PATH_COOKIE } from "@/lib/schemas/preferences";
import { getSessionUser } from "./auth";
import { getNeutralPathPreference } from "./data/preferences";

/** Signed-in learners keep the setting in their account (any device); visitors in a cookie. */
export async function isNeutralPathChosen(): Promise<boolean> {
  const user = await getSessionUser();
  if (user) return getNeutralPathPreference(user);
  return (await cookies()).get(PATH_COOKIE)?.value === "neutre";
}
