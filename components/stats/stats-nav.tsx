import type { Translate } from "@/lib/i18n";
import { TabNav } from "../ui/tab-nav";

export type StatsPage = "overview" | "funnel" | "retention" | "paths" | "profiles";

const PAGES: { page: StatsPage; href: string; label: "stats.nav.overview" | "stats.nav.funnel" | "stats.nav.retention" | "stats.nav.paths" | "stats.nav.breakdowns" }[] = [
  { page: "overview", href: "/admin/stats", label: "stats.nav.overview" },
  { page: "funnel", href: "/admin/stats/funnel", label: "stats.nav.funnel" },
  { page: "retention", href: "/admin/stats/retention", label: "stats.nav.retention" },
  { page: "paths", href: "/admin/stats/paths", label: "stats.nav.paths" },
  { page: "profiles", href: "/admin/stats/profiles", label: "stats.nav.breakdowns" },
];

/** The statistics pages' title, the privacy rule in one paragraph, and the links between the pages. */
export function StatsHeader({ current, t }: { current: StatsPage; t: Translate }) {
  const title = t(PAGES.find((p) => p.page === current)!.label);
  return (
    <header className="space-y-3">
      <p className="text-sm font-medium text-neutral-600">{t("stats.title")}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
      <TabNav label={t("stats.nav.label")} links={PAGES.map((link) => ({ href: link.href, label: t(link.label), isCurrent: link.page === current }))} />
      <p className="max-w-3xl text-neutral-700">{t("stats.intro")}</p>
      <p className="max-w-3xl rounded-md bg-sky-50 p-3 text-sm text-sky-950">{t("stats.privacy")}</p>
    </header>
  );
}
