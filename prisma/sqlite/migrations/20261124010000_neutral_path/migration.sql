-- AlterTable (written by hand: SQLite adds a column with a constant default in place, so the
-- table is not rebuilt as `migrate diff` proposes)
ALTER TABLE "User" ADD COLUMN "prefersNeutralPath" BOOLEAN NOT NULL DEFAULT false;
