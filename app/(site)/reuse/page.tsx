import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { CONTENT_LICENCE } from "@/lib/packages/licence";
import { OFFERED_FORMATS, packageFileName, PACKAGE_PATHS, WHOLE_PROGRAMME } from "@/lib/packages/course";
import { getProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator()).t("reuse.title") };
}

/**
 * « Réutiliser le programme » (public, linked from every page's footer): the content's licence, what
 * a package holds, the SCORM 1.2 and cmi5 downloads (the whole programme and each chapter, on either path)
 * and how to import one into Moodle. The packages themselves: app/api/packages/[file], server/packages.
 */
export default async function ReusePage() {
  const { locale, t } = await getTranslator();
  const rows = [
    { scope: WHOLE_PROGRAMME, label: t("reuse.wholeProgramme") },
    ...getProgramme().chapters.map((chapter) => ({ scope: chapter.id, label: t("reuse.chapter", { number: chapter.order, title: chapter.title[locale] }) })),
  ];
  const pathLabel = { standard: t("reuse.colStandard"), neutre: t("reuse.colNeutral") } as const;
  const formatLabel = { scorm12: t("reuse.downloadScorm"), cmi5: t("reuse.downloadCmi5") } as const;
  return (
    <div className="max-w-4xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("reuse.title")}</h1>
        <p className="text-lg text-neutral-700">{t("reuse.intro")}</p>
      </header>

      <section aria-labelledby="licence-heading" className="space-y-2">
        <h2 id="licence-heading" className="text-xl font-semibold">
          {t("reuse.licenceHeading")}
        </h2>
        <p>{t("reuse.licence", { licence: CONTENT_LICENCE.name })}</p>
        <p>
          <a href={CONTENT_LICENCE.url} className="font-medium text-brand-700 underline" rel="license">
            {t("reuse.licenceLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="holds-heading" className="space-y-2">
        <h2 id="holds-heading" className="text-xl font-semibold">
          {t("reuse.holdsHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("reuse.holds1")}</li>
          <li>{t("reuse.holds2")}</li>
          <li>{t("reuse.holds3")}</li>
          <li>{t("reuse.holds4")}</li>
        </ul>
      </section>

      <section aria-labelledby="downloads-heading" className="space-y-3">
        <h2 id="downloads-heading" className="text-xl font-semibold">
          {t("reuse.downloadsHeading")}
        </h2>
        <p>{t("reuse.downloadsIntro")}</p>
        <DataTable
          caption={{ id: "downloads-caption", text: t("reuse.tableCaption") }}
          columns={[
            { key: "content", label: t("reuse.colContent") },
            ...PACKAGE_PATHS.map((path) => ({ key: path, label: pathLabel[path] })),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.scope} className="border-t border-neutral-200">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.label}
              </th>
              {PACKAGE_PATHS.map((path) => (
                <td key={path} className="px-3 py-2">
                  <span className="flex flex-wrap gap-x-4 gap-y-1">
                    {OFFERED_FORMATS.map((format) => (
                      <a
                        key={format}
                        href={`/api/packages/${packageFileName(format, row.scope, path)}`}
                        download
                        aria-label={t("reuse.downloadLabel", { content: row.label, path: pathLabel[path].toLowerCase(), format: formatLabel[format] })}
                        className="font-medium text-brand-700 underline"
                      >
                        {formatLabel[format]}
                      </a>
                    ))}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="moodle-heading" className="space-y-2">
        <h2 id="moodle-heading" className="text-xl font-semibold">
          {t("reuse.moodleHeading")}
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {(["reuse.moodle1", "reuse.moodle2", "reuse.moodle3", "reuse.moodle4", "reuse.moodle5", "reuse.moodle6"] as const).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <p className="text-sm text-neutral-700">{t("reuse.moodleCmi5")}</p>
      </section>
    </div>
  );
}
