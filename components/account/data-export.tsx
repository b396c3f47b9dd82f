import type { Translate } from "@/lib/i18n";

const DOWNLOADS = [
  { href: "/api/account/export", testId: "export-json", link: "export.json.link", explain: "export.json.explain" },
  { href: "/api/account/export/xapi", testId: "export-xapi", link: "export.xapi.link", explain: "export.xapi.explain" },
] as const;

/**
 * "Mes données": the two downloads of GDPR art. 15 and 20 — everything the platform holds about the
 * signed-in person (JSON), and their learning record as xAPI statements. Plain links: the routes
 * answer with an attachment, so no client JavaScript is needed. The section around it (heading) is the page's.
 */
export function DataExport({ t }: { t: Translate }) {
  return (
    <div className="space-y-4" data-testid="data-export">
      <p className="text-neutral-700">{t("export.intro")}</p>
      <ul className="space-y-4">
        {DOWNLOADS.map((d) => (
          <li key={d.href} className="space-y-2">
            <a
              href={d.href}
              download
              data-testid={d.testId}
              className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2"
            >
              {t(d.link)}
            </a>
            <p className="text-sm text-neutral-700">{t(d.explain)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
