import Link from "next/link";
import type { Translate } from "@/lib/i18n";

export type CohortPage = "dashboard" | "assignments" | "members";

/** The title of a cohort page and the links between its three pages. */
export function CohortNav({ cohortId, cohortName, current, t }: { cohortId: string; cohortName: string; current: CohortPage | null; t: Translate }) {
  const base = `/cohorts/${encodeURIComponent(cohortId)}`;
  const links: { page: CohortPage; href: string; label: string }[] = [
    { page: "dashboard", href: base, label: t("cohorts.nav.dashboard") },
    { page: "assignments", href: `${base}/assignments`, label: t("cohorts.nav.assignments") },
    { page: "members", href: `${base}/members`, label: t("cohorts.nav.members") },
  ];
  return (
    <header className="space-y-3">
      <Link href="/cohorts" className="text-sm text-brand-700 underline">
        {t("cohorts.nav.back")}
      </Link>
      <h1 className="text-2xl font-bold break-words sm:text-3xl">{cohortName}</h1>
      <nav aria-label={t("cohorts.nav.label")} className="border-b border-neutral-300">
        <ul className="-mb-px flex flex-wrap gap-x-1">
          {links.map((link) => {
            const isCurrent = link.page === current;
            return (
              <li key={link.page}>
                <Link
                  href={link.href}
                  aria-current={isCurrent ? "page" : undefined}
                  className={`inline-block border-b-4 px-3 py-2 font-medium ${
                    isCurrent ? "border-brand-600 text-brand-800" : "border-transparent text-neutral-700 hover:border-neutral-300 hover:text-ink"
                  }`}
                >
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
