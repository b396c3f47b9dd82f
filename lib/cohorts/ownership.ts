/**
 * Who is responsible for a cohort (its owner: the one who adds and removes co-trainers). It starts
 * as the trainer who created it. When the owner leaves — account erased, or no longer a trainer —
 * the cohort passes to the co-trainer who joined it first among those who can still train (ties:
 * the smaller id, so every instance picks the same), or to nobody when none is left.
 */
export type CohortTrainer = { userId: string; joinedAt: Date; canTrain: boolean };

export function successorOwner(trainers: readonly CohortTrainer[], leavingUserId: string): string | null {
  const candidates = trainers.filter((trainer) => trainer.canTrain && trainer.userId !== leavingUserId);
  candidates.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return candidates[0]?.userId ?? null;
}
