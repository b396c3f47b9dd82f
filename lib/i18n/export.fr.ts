/** Export messages (issue 10): the "Mes données" downloads. French is the reference. */
export const exportFr = {
  "export.intro":
    "Vous pouvez télécharger à tout moment ce que la plateforme garde sur vous. Les fichiers sont préparés au moment du clic, pour vous seul·e ; chaque téléchargement est noté dans le journal d’audit de la plateforme.",
  "export.json.link": "Télécharger toutes mes données (JSON)",
  "export.json.explain":
    "Un seul fichier avec tout ce qui vous concerne : compte et préférences, profil d’entreprise, progression dans chaque module (les passages regardés de chaque vidéo), réponses aux quiz, attestation, groupes et noms de vos formateur·rice·s, devoirs et délais, rappels, notifications, e-mails que la plateforme vous a écrits, et qui a consulté vos données.",
  "export.xapi.link": "Télécharger mon parcours de formation (xAPI)",
  "export.xapi.explain":
    "Votre parcours au format xAPI 1.0.3, le standard des outils de formation : modules commencés, suivis et terminés, quiz réussis ou non, avec les dates. À importer dans une autre plateforme ou un « Learning Record Store ». Vous y êtes désigné·e par un numéro de compte, sans nom ni e-mail.",
} as const;
