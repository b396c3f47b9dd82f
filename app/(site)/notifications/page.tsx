import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/cohorts-learner/mark-read-button";
import { assignedItem } from "@/components/cohorts-learner/todo-list";
import { isDay, PLATFORM_TIME_ZONE } from "@/lib/calendar-day";
import { formatIsoDate } from "@/lib/format";
import { formatLiveStart } from "@/lib/live/when";
import type { Locale, Translate } from "@/lib/i18n";
import { requirePermission } from "@/server/auth";
import { listLearnerCohorts } from "@/server/data/memberships";
import { listNotifications, type NotificationView } from "@/server/data/notifications";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Notifications" };

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** One notification in the reader's language: its sentence, and the chapter or module it is about. */
function describe(notification: NotificationView, cohortNames: Map<string, string>, locale: Locale, t: Translate) {
  const data = notification.data;
  const target = assignedItem(text(data.itemKind), text(data.itemId), locale);
  const title = target?.title ?? t("todo.unknownItem");
  const cohort = text(data.cohortName) || cohortNames.get(text(data.cohortId)) || "";
  const dueOn = text(data.dueOn);
  const date = isDay(dueOn) ? formatIsoDate(dueOn, locale) : "";
  switch (notification.kind) {
    case "assigned": {
      const headline = cohort ? t("notifications.assignedInCohort", { cohort, title }) : t("notifications.assigned", { title });
      const days = typeof data.dueDays === "number" ? data.dueDays : null;
      const due =
        data.dueKind === "fixed" && date
          ? t("notifications.dueFixed", { date })
          : data.dueKind === "relative" && days !== null
            ? t("notifications.dueRelative", { days })
            : t("notifications.dueNone");
      return { title, target, sentence: `${headline}. ${due}` };
    }
    case "due-soon":
      return { title, target, sentence: t("notifications.dueSoon", { title, cohort, date }) };
    case "overdue":
      return { title, target, sentence: t("notifications.overdue", { title, cohort, date }) };
    case "live-scheduled":
    case "live-changed":
    case "live-cancelled":
    case "live-reminder": {
      const sessionTitle = text(data.title) || t("notifications.other");
      const startsAt = new Date(text(data.startsAt));
      const when = Number.isNaN(startsAt.getTime()) ? "" : formatLiveStart(startsAt, locale);
      const key = ({ "live-scheduled": "notifications.live.scheduled", "live-changed": "notifications.live.changed", "live-cancelled": "notifications.live.cancelled", "live-reminder": "notifications.live.reminder" } as const)[notification.kind];
      const sessionId = text(data.sessionId);
      return { title: sessionTitle, target: sessionId ? { title: sessionTitle, href: `/live-sessions/${encodeURIComponent(sessionId)}` } : null, sentence: t(key, { title: sessionTitle, cohort, when }) };
    }
    default:
      return { title: t("notifications.other"), target: null, sentence: t("notifications.other") };
  }
}

export default async function NotificationsPage() {
  const user = await requirePermission("notifications:view", "/notifications");
  const [{ locale, t }, notifications, cohorts] = await Promise.all([getTranslator(), listNotifications(user, { limit: 100 }), listLearnerCohorts(user)]);
  const cohortNames = new Map(cohorts.map((c) => [c.id, c.name]));
  const unreadCount = notifications.filter((n) => !n.readAt).length;
  const dateTimeFormat = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: PLATFORM_TIME_ZONE });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("notifications.title")}</h1>
        <p className="max-w-3xl text-neutral-700">{t("notifications.intro")}</p>
        {notifications.length > 0 && (
          <div className="flex flex-wrap items-center gap-3">
            <p className="font-medium" data-testid="unread-count">
              {unreadCount === 0
                ? t("notifications.unreadNone")
                : unreadCount === 1
                  ? t("notifications.unreadOne")
                  : t("notifications.unreadCount", { count: unreadCount })}
            </p>
            <MarkReadButton locale={locale} isRead={unreadCount === 0} />
          </div>
        )}
      </header>

      {notifications.length === 0 ? (
        <p className="rounded-lg border border-neutral-200 bg-white p-5 text-neutral-700">{t("notifications.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="notification-list">
          {notifications.map((notification) => {
            const { title, target, sentence } = describe(notification, cohortNames, locale, t);
            const isUnread = !notification.readAt;
            return (
              <li
                key={notification.id}
                data-notification-id={notification.id}
                data-unread={isUnread ? "true" : "false"}
                className={`space-y-2 rounded-lg border bg-white p-4 ${isUnread ? "border-l-4 border-brand-600" : "border-neutral-200"}`}
              >
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {isUnread && (
                    <span className="inline-flex items-center gap-1 rounded-full bg-brand-600 px-2 py-0.5 text-xs font-bold text-white">
                      <span aria-hidden="true">●</span>
                      {t("notifications.new")}
                    </span>
                  )}
                  <time dateTime={notification.createdAt.toISOString()} className="text-neutral-600">
                    {t("notifications.receivedOn", { date: dateTimeFormat.format(notification.createdAt) })}
                  </time>
                </div>
                <p className={isUnread ? "font-semibold" : ""}>{sentence}</p>
                <div className="flex flex-wrap items-center gap-3">
                  {target && (
                    <Link href={target.href} className="font-medium text-brand-700 underline">
                      {t("notifications.open", { title })}
                    </Link>
                  )}
                  <MarkReadButton locale={locale} id={notification.id} isRead={!isUnread} label={t("notifications.markReadLabel", { title })} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
