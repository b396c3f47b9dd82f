-- AlterTable
-- A password change ends the sessions signed in before it (lib/permissions.ts isSessionRevoked).
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" TIMESTAMP(3);
