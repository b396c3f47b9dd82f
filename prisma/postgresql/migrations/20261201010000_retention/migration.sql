-- CreateTable
CREATE TABLE "ModuleSliceStat" (
    "moduleId" TEXT NOT NULL,
    "slice" INTEGER NOT NULL,
    "watchedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleSliceStat_pkey" PRIMARY KEY ("moduleId","slice")
);
