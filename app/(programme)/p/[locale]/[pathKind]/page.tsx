import Link from "next/link";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { PathSwitch } from "@/components/programme/path-switch";
import { homeChaptersHtml } from "@/components/programme/programme-markup";
import { SearchForm } from "@/components/programme/search-form";
import { StaticHtml } from "@/components/programme/static-html";
import { ShowWhen, ViewerLoader, ViewerSlot } from "@/components/viewer/viewer-client";
import { pathDurationS } from "@/lib/content/path";
import { formatDuration } from "@/lib/format";
import { getChapterPath, getProgramme } from "@/server/content";
import { programmeParams, type ProgrammeParams } from "./params";

/** Prerendered per language and path; the learner's part (welcome, resume, to-do, statuses) from /api/viewer. */
export default async function ProgrammeHomePage({ params }: { params: ProgrammeParams }) {
  const { locale, t, pathKind, isNeutralPath } = await programmeParams(params);
  const programme = getProgramme();
  const paths = programme.chapters.map((chapter) => ({ chapter, items: getChapterPath(chapter, isNeutralPath) }));
  const moduleCount = paths.reduce((sum, p) => sum + p.items.length, 0);
  const totalS = paths.reduce((sum, p) => sum + pathDurationS(p.items), 0);

  return (
    <div className="space-y-8">
      <ViewerLoader query={{ page: "home", locale }} pathKind={pathKind} />
      <section className="space-y-4">
        <ViewerSlot name="home-welcome" />
        <h1 className="text-3xl font-bold tracking-tight">{t("home.title")}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-neutral-700">{t("home.intro")}</p>
        <p className="font-medium" data-testid="programme-summary">
          {t("programme.summary", { chapters: programme.chapters.length, modules: moduleCount, duration: formatDuration(totalS, locale) })}
        </p>
        <ViewerSlot name="home-resume" />
        <ShowWhen flag="visitor">
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("home.cta.signUp")}
            </Link>
            <Link href="/sign-in" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("home.cta.signIn")}
            </Link>
          </div>
        </ShowWhen>
      </section>
      <ViewerSlot name="home-todo" />
      <ShowWhen flag="learner">
        <section aria-labelledby="join-heading" className="max-w-2xl space-y-2 rounded-lg border border-neutral-200 bg-white p-5">
          <h2 id="join-heading" className="text-lg font-semibold">
            {t("join.homeHeading")}
          </h2>
          <p className="text-sm text-neutral-700">{t("join.homeIntro")}</p>
          <JoinCodeForm t={t} id="home-join-code" />
        </section>
      </ShowWhen>
      <div className="grid items-start gap-4 md:grid-cols-2">
        <PathSwitch
          isNeutralPath={isNeutralPath}
          label={t("path.label")}
          description={t("path.description")}
          stateText={isNeutralPath ? t("path.isOn") : t("path.isOff")}
        />
        <SearchForm label={t("search.label")} submitLabel={t("search.submit")} />
      </div>
      <StaticHtml as="ol" className="chapters" html={homeChaptersHtml(programme, locale, isNeutralPath)} />
    </div>
  );
}
