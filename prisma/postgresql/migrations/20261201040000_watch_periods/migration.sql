-- AlterTable
ALTER TABLE "User" ADD COLUMN "watchPeriods" TEXT NOT NULL DEFAULT '[]';
