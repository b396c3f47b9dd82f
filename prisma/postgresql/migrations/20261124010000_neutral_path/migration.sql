-- AlterTable
ALTER TABLE "User" ADD COLUMN     "prefersNeutralPath" BOOLEAN NOT NULL DEFAULT false;

