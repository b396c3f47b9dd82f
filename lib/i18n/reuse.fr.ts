/** « Réutiliser le programme » (app/(site)/reuse): the licence, the packages for other LMS, importing into Moodle. */
export const reuseFr = {
  "footer.reuse": "Réutiliser le programme",
  "reuse.title": "Réutiliser le programme",
  "reuse.intro":
    "Les sept chapitres et leurs alternatives neutres sont à tout le monde. Chambres de commerce, régions, organismes de formation : importez-les dans votre propre plateforme de formation (Moodle, Chamilo, Open edX…), sans nous demander quoi que ce soit.",
  "reuse.licenceHeading": "Licence",
  "reuse.licence":
    "Les contenus du programme sont sous {licence} (Etalab) : vous pouvez les copier, les adapter et les diffuser, y compris à des fins commerciales, en citant la source (« Accélérateur libre ») et la date de leur dernière mise à jour.",
  "reuse.licenceLink": "Lire la Licence Ouverte 2.0",
  "reuse.holdsHeading": "Ce que contient un paquet",
  "reuse.holds1": "Un paquet SCORM 1.2 (fichier ZIP) : le manifeste imsmanifest.xml à la racine, un module par SCO, regroupés par chapitre.",
  "reuse.holds2":
    "Chaque module tel que les apprenant·es le connaissent : le lecteur de diapositives avec sous-titres, transcription, vitesse et commandes au clavier ; les objectifs et points clés ; la comparaison avec l’alternative neutre quand il y en a une ; le quiz.",
  "reuse.holds3": "La même règle d’achèvement que sur la plateforme : au moins 90 % des secondes vues (sans sauter à la fin) et le quiz réussi. Votre plateforme reçoit le statut, le score, le temps passé et l’endroit où reprendre.",
  "reuse.holds4": "Rien n’est chargé d’un autre site et rien n’est envoyé ailleurs qu’à votre plateforme. Le fichier LICENCE.txt rappelle la licence.",
  "reuse.holdsCmi5": "Les paquets cmi5 ne sont pas encore proposés : leur manifeste est prêt, pas encore l’envoi des déclarations xAPI.",
  "reuse.downloadsHeading": "Télécharger",
  "reuse.downloadsIntro":
    "Le parcours standard suit les chapitres tels quels ; le parcours neutre remplace chaque module propre à Amazon par son alternative neutre, à sa place.",
  "reuse.tableCaption": "Paquets SCORM 1.2 à télécharger",
  "reuse.colContent": "Contenu",
  "reuse.colStandard": "Parcours standard",
  "reuse.colNeutral": "Parcours neutre",
  "reuse.wholeProgramme": "Le programme complet (7 chapitres)",
  "reuse.chapter": "Chapitre {number} : {title}",
  "reuse.download": "SCORM 1.2 (ZIP)",
  "reuse.downloadLabel": "Télécharger « {content} », {path}, au format SCORM 1.2",
  "reuse.moodleHeading": "Importer dans Moodle",
  "reuse.moodle1": "Ouvrez votre cours et activez le mode édition.",
  "reuse.moodle2": "Dans la section voulue, choisissez « Ajouter une activité ou ressource », puis « Paquetage SCORM ».",
  "reuse.moodle3": "Donnez un nom à l’activité, puis déposez le fichier ZIP téléchargé ici dans le champ « Paquetage ».",
  "reuse.moodle4": "Dans « Note », choisissez la méthode d’évaluation « Note la plus haute » ; dans « Gestion des tentatives », laissez les tentatives illimitées.",
  "reuse.moodle5": "Dans « Achèvement d’activité », choisissez « Afficher l’activité comme terminée dès que les conditions sont remplies » et cochez « Exiger le statut : Réussi ».",
  "reuse.moodle6": "Enregistrez et affichez : chaque module du paquet apparaît dans le sommaire de l’activité, chapitre par chapitre.",
} as const;
