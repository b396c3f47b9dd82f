-- CreateTable
CREATE TABLE "ModuleSliceStat" (
    "moduleId" TEXT NOT NULL,
    "slice" INTEGER NOT NULL,
    "watchedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("moduleId", "slice")
);
