import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import { TabNav } from "../ui/tab-nav";

export type CohortPage = "dashboard" | "assignments" | "live-sessions" | "members";

/** The title of a cohort page and the links between its pages. */
export function CohortNav({ cohortId, cohortName, current, t }: { cohortId: string; cohortName: string; current: CohortPage | null; t: Translate }) {
  const base = `/cohorts/${encodeURIComponent(cohortId)}`;
  const links: { page: CohortPage; href: string; label: string }[] = [
    { page: "dashboard", href: base, label: t("cohorts.nav.dashboard") },
    { page: "assignments", href: `${base}/assignments`, label: t("cohorts.nav.assignments") },
    { page: "live-sessions", href: `${base}/live-sessions`, label: t("cohorts.nav.liveSessions") },
    { page: "members", href: `${base}/members`, label: t("cohorts.nav.members") },
  ];
  return (
    <header className="space-y-3">
      <Link href="/cohorts" className="text-sm text-brand-700 underline">
        {t("cohorts.nav.back")}
      </Link>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{cohortName}</h1>
      <TabNav label={t("cohorts.nav.label")} links={links.map((link) => ({ href: link.href, label: link.label, isCurrent: link.page === current }))} />
    </header>
  );
}
