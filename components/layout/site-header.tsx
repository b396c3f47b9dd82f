import Link from "next/link";
import { can } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { countUnreadNotifications } from "@/server/data/notifications";
import { getTranslator } from "@/server/i18n";
import { LocaleSwitch } from "./locale-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  const unreadCount = user ? await countUnreadNotifications(user) : 0;
  const linkClass = "rounded px-2 py-1 text-sm font-medium hover:bg-brand-50";
  return (
    <header className="border-b border-neutral-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="order-last flex w-full flex-wrap items-center gap-1">
          <Link href="/" className={linkClass}>
            {t("nav.programme")}
          </Link>
          <Link href="/search" className={linkClass}>
            {t("nav.search")}
          </Link>
          {can(user, "progress:record") && (
            <Link href="/progress" className={linkClass}>
              {t("nav.myProgress")}
            </Link>
          )}
          {can(user, "cohorts:train") && (
            <Link href="/cohorts" className={linkClass}>
              {t("account.navCohorts")}
            </Link>
          )}
          {user && (
            <Link href="/notifications" className={`${linkClass} inline-flex items-center gap-1`} data-testid="nav-notifications">
              {t("notifications.nav")}
              {unreadCount > 0 && (
                <>
                  <span aria-hidden="true" className="rounded-full bg-red-700 px-1.5 text-xs leading-5 font-bold text-white">
                    {unreadCount > 99 ? "99+" : unreadCount}
                  </span>
                  <span className="sr-only">
                    {" "}
                    ({unreadCount === 1 ? t("notifications.unreadOne") : t("notifications.unreadCount", { count: unreadCount })})
                  </span>
                </>
              )}
            </Link>
          )}
          {user && (
            <Link href="/account" className={linkClass}>
              {t("account.nav")}
            </Link>
          )}
          {can(user, "stats:view") && (
            <Link href="/admin/stats" className={linkClass}>
              {t("nav.stats")}
            </Link>
          )}
          {can(user, "users:list") && (
            <Link href="/admin/users" className={linkClass}>
              {t("nav.admin")}
            </Link>
          )}
        </nav>
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <LocaleSwitch nextLocale={locale === "fr" ? "en" : "fr"} label={t("locale.switchTo")} ariaLabel={t("locale.switchToLabel")} />
          {user ? (
            <>
              <span className="text-sm text-neutral-600">{t("nav.signedInAs", { name: user.name })}</span>
              <SignOutButton label={t("nav.signOut")} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={linkClass}>
                {t("nav.signIn")}
              </Link>
              <Link href="/sign-up" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
