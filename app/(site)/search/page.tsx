import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/programme/search-form";
import { KindBadge, VendorBadge } from "@/components/programme/vendor-badge";
import { getChapter, searchProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Rechercher" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const { locale, t } = await getTranslator();
  const hits = query ? searchProgramme(query) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("search.title")}</h1>
      <SearchForm label={t("search.label")} submitLabel={t("search.submit")} defaultValue={query} />
      <p className="text-sm text-neutral-600">{t("search.hint")}</p>
      {query && (
        <section aria-live="polite" className="space-y-3">
          <h2 className="text-xl font-semibold">{hits.length ? t("search.results", { count: hits.length, query }) : t("search.none", { query })}</h2>
          <ol className="space-y-3">
            {hits.map(({ module, snippet }) => {
              const chapter = getChapter(module.chapterId)!;
              return (
                <li key={module.id} className="rounded-lg border border-neutral-200 bg-white p-4">
                  <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
                    {t("programme.chapterNumber", { number: chapter.order })} · {chapter.title[locale]}
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-2">
                    <Link href={`/modules/${module.id}`} className="font-semibold text-brand-800 underline">
                      {module.title[locale]}
                    </Link>
                    <KindBadge label={t(`kind.${module.kind}`)} />
                    {module.vendor && <VendorBadge t={t} />}
                  </p>
                  <p className="text-sm text-neutral-700">{module.summary[locale]}</p>
                  {snippet && (
                    <blockquote lang="fr" className="mt-2 border-l-4 border-brand-100 pl-3 text-sm text-neutral-700 italic">
                      « {snippet} »
                    </blockquote>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
