-- CreateTable
CREATE TABLE "ModuleProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "intervals" TEXT NOT NULL DEFAULT '[]',
    "watchedS" REAL NOT NULL DEFAULT 0,
    "lastPositionS" REAL NOT NULL DEFAULT 0,
    "lastReportAt" DATETIME,
    "quizBestScore" INTEGER,
    "quizTotal" INTEGER,
    "quizPassedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ModuleProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "userId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "sessionStartedAt" DATETIME NOT NULL,
    "addedS" REAL NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "reportId"),
    CONSTRAINT "ProgressReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "isPassed" BOOLEAN NOT NULL,
    "answers" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "totalWatchedS" REAL NOT NULL,
    "chapterIds" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attestation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModuleStat" (
    "moduleId" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ChapterStat" (
    "chapterId" TEXT NOT NULL PRIMARY KEY,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProgrammeStat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedCount" INTEGER NOT NULL DEFAULT 0,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
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

