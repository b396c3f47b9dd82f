import type { reuseFr } from "./reuse.fr";

/** English for « Réutiliser le programme » (lib/i18n/reuse.fr.ts is the reference). */
export const reuseEn: Record<keyof typeof reuseFr, string> = {
  "footer.reuse": "Reuse the programme",
  "reuse.title": "Reuse the programme",
  "reuse.intro":
    "The seven chapters and their neutral alternatives belong to everyone. Chambers of commerce, regions, training bodies: import them into your own learning platform (Moodle, Chamilo, Open edX…), without asking us anything.",
  "reuse.licenceHeading": "Licence",
  "reuse.licence":
    "The programme's content is under the {licence} (Etalab): you may copy, adapt and distribute it, commercially too, citing the source (“Accélérateur libre”) and the date of its last update.",
  "reuse.licenceLink": "Read the Open Licence 2.0",
  "reuse.holdsHeading": "What a package holds",
  "reuse.holds1":
    "A ZIP file, as you choose: SCORM 1.2 (the imsmanifest.xml manifest at its root, one module per SCO, grouped by chapter), which every platform imports, or cmi5 (cmi5.xml, one module per AU, one block per chapter, a module achieved when watched and its quiz passed).",
  "reuse.holds2":
    "Each module as learners know it: the slide player with captions, transcript, speed and keyboard controls; objectives and key points; the comparison with the neutral alternative where there is one; the quiz.",
  "reuse.holds3":
    "The same completion rule as on the platform: at least 90 % of the seconds watched (no skipping to the end) and the quiz passed. Your platform receives the status, the score, the time spent and where to resume (SCORM), or cmi5's xAPI statements: initialized, completed, passed or failed, terminated.",
  "reuse.holds4": "Nothing is loaded from another site and nothing is sent anywhere but your platform. The LICENCE.txt file states the licence.",
  "reuse.downloadsHeading": "Download",
  "reuse.downloadsIntro": "The standard path follows the chapters as they are; the neutral path replaces each Amazon-specific module by its neutral alternative, in its place.",
  "reuse.tableCaption": "SCORM 1.2 and cmi5 packages to download",
  "reuse.colContent": "Content",
  "reuse.colStandard": "Standard path",
  "reuse.colNeutral": "Neutral path",
  "reuse.wholeProgramme": "The whole programme (7 chapters)",
  "reuse.chapter": "Chapter {number}: {title}",
  "reuse.downloadScorm": "SCORM 1.2",
  "reuse.downloadCmi5": "cmi5",
  "reuse.downloadLabel": "Download “{content}”, {path}, as {format}",
  "reuse.moodleHeading": "Import into Moodle",
  "reuse.moodleCmi5": "Moodle imports SCORM 1.2 packages as they are; a cmi5 package needs a platform that supports cmi5 (on Moodle, a plugin).",
  "reuse.moodle1": "Open your course and turn editing on.",
  "reuse.moodle2": "In the section you want, choose “Add an activity or resource”, then “SCORM package”.",
  "reuse.moodle3": "Name the activity, then drop the ZIP file downloaded here into the “Package file” field.",
  "reuse.moodle4": "Under “Grade”, choose the grading method “Highest grade”; under “Attempts management”, leave attempts unlimited.",
  "reuse.moodle5": "Under “Activity completion”, choose “Add requirements” and tick “Require status: Passed”.",
  "reuse.moodle6": "Save and display: each module of the package appears in the activity's table of contents, chapter by chapter.",
};
