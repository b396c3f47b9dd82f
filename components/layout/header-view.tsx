import Link from "next/link";
import type { ComponentProps } from "react";
import type { Locale, Translate } from "@/lib/i18n";
import type { Viewer } from "@/lib/viewer";
import { LocaleSwitch } from "./locale-switch";
import { OfflineStatus } from "./offline-status";
import { SignOutButton } from "./sign-out-button";

/** The header's words, in one language. */
export type HeaderLabels = ReturnType<typeof headerLabels>;

export function headerLabels(t: Translate) {
  return {
    siteName: t("site.name"),
    main: t("nav.main"),
    programme: t("nav.programme"),
    search: t("nav.search"),
    myProgress: t("nav.myProgress"),
    cohorts: t("account.navCohorts"),
    notifications: t("notifications.nav"),
    unreadOne: t("notifications.unreadOne"),
    unreadCount: t("notifications.unreadCount", { count: "{count}" }),
    account: t("account.nav"),
    stats: t("nav.stats"),
    admin: t("nav.admin"),
    switchTo: t("locale.switchTo"),
    switchToLabel: t("locale.switchToLabel"),
    signedInAs: t("nav.signedInAs", { name: "{name}" }),
    signOut: t("nav.signOut"),
    signIn: t("nav.signIn"),
    signUp: t("nav.signUp"),
    offline: { banner: t("offline.banner"), queuedOne: t("offline.bannerQueuedOne"), queued: t("offline.bannerQueued", { count: "{count}" }), nothingQueued: t("offline.bannerNothingQueued"), keptCopy: t("offline.keptCopy", { date: "{date}" }), keptCopyOutdated: t("offline.keptCopyOutdated", { date: "{date}" }) },
  };
}

const linkClass = "rounded px-2 py-1 text-sm font-medium hover:bg-brand-50";

/**
 * A header link, not prefetched: every page is rendered per request for the person viewing it, so
 * a prefetch would cost the server a render and the phone a download for each link on every page
 * view, most never followed. A click fetches the page then.
 */
function NavLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link prefetch={false} {...props} />;
}

function VisitorLinks({ labels }: { labels: HeaderLabels }) {
  return (
    <>
      <NavLink href="/sign-in" className={linkClass}>
        {labels.signIn}
      </NavLink>
      <NavLink href="/sign-up" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
        {labels.signUp}
      </NavLink>
    </>
  );
}

/** The site's header: the links of the account viewing the page (`viewer`), or the sign-in links for a visitor. */
export function HeaderView({ locale, labels, viewer, isOfflineEnabled }: { locale: Locale; labels: HeaderLabels; viewer: (Viewer & { id: string }) | null; isOfflineEnabled: boolean }) {
  const unreadCount = viewer?.unreadCount ?? 0;
  return (
    <header className="border-b border-neutral-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <NavLink href="/" className="text-lg font-bold text-brand-700">
          {labels.siteName}
        </NavLink>
        <nav aria-label={labels.main} className="order-last flex min-h-7 w-full flex-wrap items-center gap-1">
          <NavLink href="/" className={linkClass}>
            {labels.programme}
          </NavLink>
          <NavLink href="/search" className={linkClass}>
            {labels.search}
          </NavLink>
          {viewer?.links.progress && (
            <NavLink href="/progress" className={linkClass}>
              {labels.myProgress}
            </NavLink>
          )}
          {viewer?.links.cohorts && (
            <NavLink href="/cohorts" className={linkClass}>
              {labels.cohorts}
            </NavLink>
          )}
          {viewer && (
            <NavLink href="/notifications" className={`${linkClass} inline-flex items-center gap-1`} data-testid="nav-notifications">
              {labels.notifications}
              {unreadCount > 0 && (
                <>
                  <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs leading-5 font-bold text-white">
                    {unreadCount > 99 ? "99+" : unreadCount}
                  </span>
                  <span className="sr-only"> ({unreadCount === 1 ? labels.unreadOne : labels.unreadCount.replace("{count}", String(unreadCount))})</span>
                </>
              )}
            </NavLink>
          )}
          {viewer && (
            <NavLink href="/account" className={linkClass}>
              {labels.account}
            </NavLink>
          )}
          {viewer?.links.stats && (
            <NavLink href="/admin/stats" className={linkClass}>
              {labels.stats}
            </NavLink>
          )}
          {viewer?.links.users && (
            <NavLink href="/admin/users" className={linkClass}>
              {labels.admin}
            </NavLink>
          )}
        </nav>
        <div className="flex min-h-7 flex-wrap items-center gap-2 sm:ml-auto">
          <LocaleSwitch nextLocale={locale === "fr" ? "en" : "fr"} label={labels.switchTo} ariaLabel={labels.switchToLabel} />
          {viewer ? (
            <>
              <span className="text-sm text-neutral-600">{labels.signedInAs.replace("{name}", viewer.name)}</span>
              <SignOutButton label={labels.signOut} />
            </>
          ) : (
            <VisitorLinks labels={labels} />
          )}
        </div>
      </div>
      <OfflineStatus isEnabled={isOfflineEnabled} accountId={viewer?.id ?? null} locale={locale} labels={labels.offline} />
    </header>
  );
}
