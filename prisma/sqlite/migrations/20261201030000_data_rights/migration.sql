-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "actorPseudonym" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "targetPseudonym" TEXT;

-- DropIndex
DROP INDEX "AuditEntry_targetUserId_idx";

-- CreateIndex
CREATE INDEX "AuditEntry_targetUserId_createdAt_idx" ON "AuditEntry"("targetUserId", "createdAt");
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateTable
CREATE TABLE "RevokedAttestation" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "issuedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
