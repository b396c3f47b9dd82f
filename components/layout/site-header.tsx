import { viewerOf } from "@/lib/viewer";
import { getSessionUser } from "@/server/auth";
import { countUnreadNotifications } from "@/server/data/notifications";
import { getEnv } from "@/server/env";
import { getTranslator } from "@/server/i18n";
import { HeaderView, headerLabels } from "./header-view";

/** The header of every page, with the links of the account viewing it. */
export async function SiteHeader() {
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  const unreadCount = user ? await countUnreadNotifications(user) : 0;
  const viewer = viewerOf(user, unreadCount);
  return <HeaderView locale={locale} labels={headerLabels(t)} viewer={viewer && user ? { ...viewer, id: user.id } : null} isOfflineEnabled={getEnv().OFFLINE === "on"} />;
}
