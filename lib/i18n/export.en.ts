import type { exportFr } from "./export.fr";

export const exportEn: Record<keyof typeof exportFr, string> = {
  "export.intro":
    "You can download what the platform keeps about you at any time. The files are made when you click, for you alone; each download is recorded in the platform’s audit log.",
  "export.json.link": "Download all my data (JSON)",
  "export.json.explain":
    "One file with everything about you: account and settings, business profile, progress in each module (the parts of each video you watched), quiz answers, attestation, groups and your trainers’ names, assignments and due dates, reminders, notifications, the e-mails the platform wrote to you, and who looked at your data.",
  "export.xapi.link": "Download my learning record (xAPI)",
  "export.xapi.explain":
    "Your learning record in xAPI 1.0.3, the standard of learning tools: modules started, watched and completed, quizzes passed or failed, with their dates. Import it into another platform or a Learning Record Store. It names you by an account number, without your name or e-mail.",
};
