/** Live sessions (« sessions en direct »): how trainers and admins follow them (dashboard, CSV, statistics, data rights). */
export const liveFollowFr = {
  "cohorts.dashboard.col.liveSessions": "Sessions en direct suivies",
  "cohorts.dashboard.liveAttended": "{attended} / {held}",
  "cohorts.dashboard.liveAttendedLong": "{attended} sur {held}",
  "cohorts.dashboard.summaryLiveHeld": "Sessions tenues : {count}",
  "cohorts.dashboard.liveNote":
    "Sessions en direct suivies : les présences pointées par les formateur·rice·s, sur les sessions du groupe déjà commencées et non annulées.",
  "stats.live.title": "Sessions en direct",
  "stats.live.caption":
    "Par mois, les {months} derniers mois : sessions tenues (commencées, non annulées), inscriptions, présences pointées, et taux de présence (présences sur les inscriptions des sessions dont la présence a été pointée)",
  "stats.col.month": "Mois",
  "stats.live.held": "Sessions tenues",
  "stats.live.registrations": "Inscriptions",
  "stats.live.present": "Présences",
  "stats.live.rate": "Taux de présence",
  "stats.live.total": "Total des {months} mois",
  "account.whoTrainersLive":
    "Ils et elles voient aussi vos inscriptions aux sessions en direct du groupe et, après chaque session, si vous y avez assisté (présent·e ou absent·e).",
  "account.whoAdminsLive":
    "Des sessions en direct, les administrateur·rice·s ne voient que des totaux : sessions tenues, inscriptions et présences, sans aucun nom.",
} as const;
