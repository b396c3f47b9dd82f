import Link from "next/link";
import type { ComponentProps } from "react";
import type { Locale, Translate } from "@/lib/i18n";
import type { Viewer } from "@/lib/viewer";
import { LocaleSwitch } from "./locale-switch";
import { SignOutButton } from "./sign-out-button";

/** The header's words, in one language: plain strings, so that a client island can be given them. */
export type HeaderLabels = ReturnType<typeof headerLabels>;
/** Which root layout the header is in. */
export type HeaderRoot = "programme" | "site";

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
  };
}

const linkClass = "rounded px-2 py-1 text-sm font-medium hover:bg-brand-50";

/** The header's links to the programme's prerendered pages (app/(programme)); the others are app/(site)'s. */
const PROGRAMME_PAGES = new Set(["/", "/progress"]);

/**
 * A header link, prefetched only within its own root layout: across the two (app/(programme),
 * app/(site)) Next.js loads the whole document, so a prefetched payload would go unused, and
 * would cost the server a render of the other layout on every page view.
 */
function NavLink({ root, href, ...props }: { root: HeaderRoot; href: string } & Omit<ComponentProps<typeof Link>, "href" | "prefetch">) {
  return <Link href={href} prefetch={PROGRAMME_PAGES.has(href) === (root === "programme") ? undefined : false} {...props} />;
}

function VisitorLinks({ root, labels }: { root: HeaderRoot; labels: HeaderLabels }) {
  return (
    <>
      <NavLink root={root} href="/sign-in" className={linkClass}>
        {labels.signIn}
      </NavLink>
      <NavLink root={root} href="/sign-up" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
        {labels.signUp}
      </NavLink>
    </>
  );
}

/**
 * The site's header. `viewer` undefined: not known yet (a prerendered page before /api/viewer
 * answers), so neither the account's links nor the sign-in links are shown.
 */
export function HeaderView({ root, locale, labels, viewer }: { root: HeaderRoot; locale: Locale; labels: HeaderLabels; viewer: Viewer | null | undefined }) {
  const unreadCount = viewer?.unreadCount ?? 0;
  return (
    <header className="border-b border-neutral-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <NavLink root={root} href="/" className="text-lg font-bold text-brand-700">
          {labels.siteName}
        </NavLink>
        <nav aria-label={labels.main} className="order-last flex min-h-7 w-full flex-wrap items-center gap-1">
          <NavLink root={root} href="/" className={linkClass}>
            {labels.programme}
          </NavLink>
          <NavLink root={root} href="/search" className={linkClass}>
            {labels.search}
          </NavLink>
          {viewer?.links.progress && (
            <NavLink root={root} href="/progress" className={linkClass}>
              {labels.myProgress}
            </NavLink>
          )}
          {viewer?.links.cohorts && (
            <NavLink root={root} href="/cohorts" className={linkClass}>
              {labels.cohorts}
            </NavLink>
          )}
          {viewer && (
            <NavLink root={root} href="/notifications" className={`${linkClass} inline-flex items-center gap-1`} data-testid="nav-notifications">
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
            <NavLink root={root} href="/account" className={linkClass}>
              {labels.account}
            </NavLink>
          )}
          {viewer?.links.stats && (
            <NavLink root={root} href="/admin/stats" className={linkClass}>
              {labels.stats}
            </NavLink>
          )}
          {viewer?.links.users && (
            <NavLink root={root} href="/admin/users" className={linkClass}>
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
          ) : viewer === null ? (
            <VisitorLinks root={root} labels={labels} />
          ) : (
            // Not known yet: shown only to a browser without JavaScript, which will never know.
            <noscript>
              <VisitorLinks root={root} labels={labels} />
            </noscript>
          )}
        </div>
      </div>
    </header>
  );
}
