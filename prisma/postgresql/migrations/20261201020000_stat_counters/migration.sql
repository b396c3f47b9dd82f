-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastActiveOn" TEXT;

-- CreateTable
CREATE TABLE "StatCounter" (
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatCounter_pkey" PRIMARY KEY ("metric","key")
);
