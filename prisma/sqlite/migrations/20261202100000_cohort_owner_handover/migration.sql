-- Cohorts whose owner's account was erased before ownership was handed over (server/data/cohorts.ts
-- handOverOwnedCohorts) pass to the co-trainer who joined first among those who can still train
-- (lib/cohorts/ownership.ts successorOwner; ties: the smaller id). Without one they stay without owner.
UPDATE "Cohort" SET "ownerId" = (
  SELECT m."userId"
  FROM "CohortMember" m
  JOIN "User" u ON u."id" = m."userId"
  WHERE m."cohortId" = "Cohort"."id" AND m."role" = 'trainer' AND u."role" = 'trainer'
  ORDER BY m."joinedAt", m."userId"
  LIMIT 1
)
WHERE "ownerId" IS NULL;
