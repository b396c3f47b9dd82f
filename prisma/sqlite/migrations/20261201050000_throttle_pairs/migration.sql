-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN "email" TEXT;

-- CreateIndex
CREATE INDEX "LoginThrottle_email_idx" ON "LoginThrottle"("email");

-- Account rows written before this migration carry their e-mail in the key ("account:<email>").
UPDATE "LoginThrottle" SET "email" = substr("key", 9) WHERE "key" LIKE 'account:%';
