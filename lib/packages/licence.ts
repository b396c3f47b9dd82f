/**
 * The licence of the programme's content (content/: chapters, modules, transcripts, quizzes,
 * comparisons): the Licence Ouverte / Open Licence 2.0 of Etalab, the French State's open licence
 * for public information. Anyone may copy, adapt and redistribute it, commercially too, naming the
 * source and the date of its last update. It is compatible with CC BY 4.0. Stated in the README,
 * on « Réutiliser le programme » (/reuse) and in every package (LICENCE.txt, and each SCO's footer).
 */
export const CONTENT_LICENCE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

/** The licence as every package carries it (LICENCE.txt), with the date of the content's last update. */
export function licenceText(contentUpdatedOn: string): string {
  return [
    "Accélérateur libre — contenus du programme de formation",
    "",
    `Licence : ${CONTENT_LICENCE.name} (Etalab), ${CONTENT_LICENCE.url}`,
    "",
    "Vous pouvez reproduire, copier, adapter, modifier, extraire, transformer, communiquer et diffuser ces",
    "contenus, y compris à des fins commerciales, à condition de mentionner leur source (« Accélérateur libre »)",
    `et la date de leur dernière mise à jour (${contentUpdatedOn}).`,
    "",
    "Les faits des comparaisons sont datés et sourcés dans chaque module : vérifiez-les avant de les",
    "republier, les tarifs et conditions des prestataires changent.",
    "",
  ].join("\n");
}
