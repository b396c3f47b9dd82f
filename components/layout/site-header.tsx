import { viewerOf } from "@/lib/viewer";
import { getSessionUser } from "@/server/auth";
import { countUnreadNotifications } from "@/server/data/notifications";
import { getTranslator } from "@/server/i18n";
import { HeaderView, headerLabels } from "./header-view";

/** The header of the pages rendered per request (app/(site)); the programme's pages use components/viewer's. */
export async function SiteHeader() {
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  const unreadCount = user ? await countUnreadNotifications(user) : 0;
  return <HeaderView root="site" locale={locale} labels={headerLabels(t)} viewer={viewerOf(user, unreadCount)} />;
}
