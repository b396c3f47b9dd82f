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
  "reuse.holds1":
    "Un fichier ZIP, au choix : SCORM 1.2 (le manifeste imsmanifest.xml à la racine, un module par SCO, regroupés par chapitre), que toutes les plateformes importent, ou cmi5 (cmi5.xml, un module par AU, un bloc par chapitre, un module acquis quand il est vu et son quiz réussi).",
  "reuse.holds2":
    "Chaque module tel que les apprenant·es le connaissent : le lecteur de diapositives avec sous-titres, transcription, vitesse et commandes au clavier ; les objectifs et points clés ; la comparaison avec l’alternative neutre quand il y en a une ; le quiz.",
  "reuse.holds3":
    "La même règle d’achèvement que sur la plateforme : au moins 90 % des secondes vues (sans sauter à la fin) et le quiz réussi. Votre plateforme reçoit le statut, le score, le temps passé et l’endroit où reprendre (SCORM), ou les déclarations xAPI de cmi5 : initialized, completed, passed ou failed, terminated.",
  "reuse.holds4": "Rien n’est chargé d’un autre site et rien n’est envoyé ailleurs qu’à votre plateforme. Le fichier LICENCE.txt rappelle la licence.",
  "reuse.downloadsHeading": "Télécharger",
  "reuse.downloadsIntro":
    "Le parcours standard suit les chapitres tels quels ; le parcours neutre remplace chaque module propre à Amazon par son alternative neutre, à sa place.",
  "reuse.tableCaption": "Paquets SCORM 1.2 et cmi5 à télécharger",
  "reuse.colContent": "Contenu",
  "reuse.colStandard": "Parcours standard",
  "reuse.colNeutral": "Parcours neutre",
  "reuse.wholeProgramme": "Le programme complet (7 chapitres)",
  "reuse.chapter": "Chapitre {number} : {title}",
  "reuse.downloadScorm": "SCORM 1.2",
  "reuse.downloadCmi5": "cmi5",
  "reuse.downloadLabel": "Télécharger « {content} », {path}, au format {format}",
  "reuse.moodleHeading": "Importer dans Moodle",
  "reuse.moodleCmi5": "Moodle importe les paquets SCORM 1.2 tels quels ; un paquet cmi5 demande une plateforme qui gère cmi5 (sur Moodle, une extension).",
  "reuse.moodle1": "Ouvrez votre cours et activez le mode édition.",
  "reuse.moodle2": "Dans la section voulue, choisissez « Ajouter une activité ou ressource », puis « Paquetage SCORM ».",
  "reuse.moodle3": "Donnez un nom à l’activité, puis déposez le fichier ZIP téléchargé ici dans le champ « Paquetage ».",
  "reuse.moodle4": "Dans « Note », choisissez la méthode d’évaluation « Note la plus haute » ; dans « Gestion des tentatives », laissez les tentatives illimitées.",
  "reuse.moodle5": "Dans « Achèvement d’activité », choisissez « Afficher l’activité comme terminée dès que les conditions sont remplies » et cochez « Exiger le statut : Réussi ».",
  "reuse.moodle6": "Enregistrez et affichez : chaque module du paquet apparaît dans le sommaire de l’activité, chapitre par chapitre.",
} as const;
