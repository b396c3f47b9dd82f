import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Awaits a data-layer read for a cohort page and turns NOT_FOUND (a cohort this trainer does not
 * train, an unknown learner) into Next's 404 page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
