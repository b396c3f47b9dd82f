/** Live sessions (« sessions en direct »): how trainers and admins follow them (dashboard, CSV, statistics, data rights). */
export const liveFollowEn = {
  "cohorts.dashboard.col.liveSessions": "Live sessions attended",
  "cohorts.dashboard.liveAttended": "{attended} / {held}",
  "cohorts.dashboard.liveAttendedLong": "{attended} of {held}",
  "cohorts.dashboard.summaryLiveHeld": "Sessions held: {count}",
  "cohorts.dashboard.liveNote": "Live sessions attended: the attendance marked by the trainers, out of the group's sessions that have started and were not cancelled.",
  "stats.live.title": "Live sessions",
  "stats.live.caption":
    "By month, the last {months} months: sessions held (started, not cancelled), registrations, marked attendances, and attendance rate (attendances out of the registrations of the sessions whose attendance was marked)",
  "stats.col.month": "Month",
  "stats.live.held": "Sessions held",
  "stats.live.registrations": "Registrations",
  "stats.live.present": "Attendances",
  "stats.live.rate": "Attendance rate",
  "stats.live.total": "Total of the {months} months",
  "account.whoTrainersLive": "They also see your registrations to the group's live sessions and, after each session, whether you attended (present or absent).",
  "account.whoAdminsLive": "Of live sessions, the admins see only totals: sessions held, registrations and attendances, without any name.",
} as const;
