// The rows the population writes, one type a table, and each table's columns with their storage
// type (what the bulk writer needs to store them as Prisma would).
export type UserRow = {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  role: string;
  sector: string | null;
  department: string | null;
  sizeBand: string | null;
  prefersNeutralPath: boolean;
  lastActiveOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type ProgressRow = {
  id: string;
  userId: string;
  moduleId: string;
  chapterId: string;
  intervals: string;
  watchedS: number;
  lastPositionS: number;
  lastReportAt: Date | null;
  quizBestScore: number | null;
  quizTotal: number | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type AttemptRow = { id: string; userId: string; moduleId: string; score: number; total: number; isPassed: boolean; answers: string; createdAt: Date };
export type AttestationRow = { id: string; code: string; userId: string; learnerName: string; totalWatchedS: number; chapterIds: string; issuedAt: Date };
export type MemberRow = { cohortId: string; userId: string; role: string; joinedAt: Date };
export type CohortRow = {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  joinCode: string;
  createdAt: Date;
  updatedAt: Date;
};

export type Batch = { users: UserRow[]; members: MemberRow[]; progress: ProgressRow[]; attempts: AttemptRow[]; attestations: AttestationRow[] };
export const emptyBatch = (): Batch => ({ users: [], members: [], progress: [], attempts: [], attestations: [] });

export type ColumnType = "text" | "int" | "float" | "bool" | "timestamp";
export type TableSpec<Row> = { table: string; columns: readonly (readonly [keyof Row & string, ColumnType])[] };

export const USER: TableSpec<UserRow> = {
  table: "User",
  columns: [["id", "text"], ["email", "text"], ["passwordHash", "text"], ["name", "text"], ["role", "text"], ["sector", "text"], ["department", "text"], ["sizeBand", "text"], ["prefersNeutralPath", "bool"], ["lastActiveOn", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
export const COHORT: TableSpec<CohortRow> = {
  table: "Cohort",
  columns: [["id", "text"], ["name", "text"], ["description", "text"], ["startsOn", "text"], ["endsOn", "text"], ["ownerId", "text"], ["joinCode", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
export const MEMBER: TableSpec<MemberRow> = { table: "CohortMember", columns: [["cohortId", "text"], ["userId", "text"], ["role", "text"], ["joinedAt", "timestamp"]] };
export const PROGRESS: TableSpec<ProgressRow> = {
  table: "ModuleProgress",
  columns: [["id", "text"], ["userId", "text"], ["moduleId", "text"], ["chapterId", "text"], ["intervals", "text"], ["watchedS", "float"], ["lastPositionS", "float"], ["lastReportAt", "timestamp"], ["quizBestScore", "int"], ["quizTotal", "int"], ["quizPassedAt", "timestamp"], ["completedAt", "timestamp"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
export const ATTEMPT: TableSpec<AttemptRow> = {
  table: "QuizAttempt",
  columns: [["id", "text"], ["userId", "text"], ["moduleId", "text"], ["score", "int"], ["total", "int"], ["isPassed", "bool"], ["answers", "text"], ["createdAt", "timestamp"]],
};
export const ATTESTATION: TableSpec<AttestationRow> = {
  table: "Attestation",
  columns: [["id", "text"], ["code", "text"], ["userId", "text"], ["learnerName", "text"], ["totalWatchedS", "float"], ["chapterIds", "text"], ["issuedAt", "timestamp"]],
};
