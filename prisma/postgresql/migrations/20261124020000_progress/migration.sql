-- CreateTable
CREATE TABLE "ModuleProgress" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "intervals" TEXT NOT NULL DEFAULT '[]',
    "watchedS" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lastPositionS" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lastReportAt" TIMESTAMP(3),
    "quizBestScore" INTEGER,
    "quizTotal" INTEGER,
    "quizPassedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "userId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "sessionStartedAt" TIMESTAMP(3) NOT NULL,
    "addedS" DOUBLE PRECISION NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("userId","reportId")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "isPassed" BOOLEAN NOT NULL,
    "answers" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "totalWatchedS" DOUBLE PRECISION NOT NULL,
    "chapterIds" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleStat" (
    "moduleId" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleStat_pkey" PRIMARY KEY ("moduleId")
);

-- CreateTable
CREATE TABLE "ChapterStat" (
    "chapterId" TEXT NOT NULL,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChapterStat_pkey" PRIMARY KEY ("chapterId")
);

-- CreateTable
CREATE TABLE "ProgrammeStat" (
    "id" TEXT NOT NULL,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeStat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModuleProgress_userId_chapterId_idx" ON "ModuleProgress"("userId", "chapterId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleProgress_userId_moduleId_key" ON "ModuleProgress"("userId", "moduleId");

-- CreateIndex
CREATE INDEX "ProgressReport_userId_moduleId_sessionStartedAt_idx" ON "ProgressReport"("userId", "moduleId", "sessionStartedAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_moduleId_idx" ON "QuizAttempt"("userId", "moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_code_key" ON "Attestation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_userId_key" ON "Attestation"("userId");

-- CreateIndex
CREATE INDEX "ModuleStat_chapterId_idx" ON "ModuleStat"("chapterId");

-- AddForeignKey
ALTER TABLE "ModuleProgress" ADD CONSTRAINT "ModuleProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

