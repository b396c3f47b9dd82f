import type { Metadata } from "next";
import Link from "next/link";
import { CoTrainerForm } from "@/components/cohorts/co-trainer-form";
import { CohortForm } from "@/components/cohorts/cohort-form";
import { CohortNav } from "@/components/cohorts/cohort-nav";
import { ConfirmButton } from "@/components/cohorts/confirm-button";
import { formatInstantDay } from "@/components/cohorts/dates";
import { InvitationForm } from "@/components/cohorts/invitation-form";
import { JoinCodeActions } from "@/components/cohorts/join-code-actions";
import { describeJoinCodeState, expiryDayOf } from "@/components/cohorts/join-code-state";
import { JoinQrCode } from "@/components/cohorts/join-qr-code";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { DataTable } from "@/components/ui/data-table";
import { FormCard } from "@/components/ui/form-card";
import { formatJoinCode } from "@/lib/cohorts/join-code";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getCohortForTrainer } from "@/server/data/cohorts";
import { getTranslator } from "@/server/i18n";
import { publicUrl } from "@/server/mail";
import { qrCodeSvg } from "@/server/qr";

export const metadata: Metadata = { title: "Membres et invitation" };

type Params = Promise<{ cohortId: string }>;

export default async function CohortMembersPage({ params }: { params: Params }) {
  const { cohortId } = await params;
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}/members`);
  const [{ locale, t }, cohort] = await Promise.all([getTranslator(), orNotFound(getCohortForTrainer(actor, cohortId, now()))]);
  const base = `/cohorts/${encodeURIComponent(cohort.id)}`;
  const apiBase = `/api/cohorts/${encodeURIComponent(cohort.id)}`;
  const isUsable = cohort.joinCodeState === "usable" && cohort.joinCode !== null;
  const joinUrl = cohort.joinCode ? publicUrl(`/join/${cohort.joinCode}`) : null;
  const svg = isUsable && joinUrl ? await qrCodeSvg(joinUrl) : null;

  return (
    <div className="space-y-10">
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} current="members" t={t} />

      <FormCard headingId="invitation-heading" heading={t("cohorts.invitation.title")} gap={5}>
        <p className="max-w-3xl text-neutral-700">{t("cohorts.invitation.intro")}</p>
        <div className="flex flex-col gap-6 md:flex-row md:items-start">
          <div className="min-w-0 flex-1 space-y-4">
            {cohort.joinCode && (
              <dl className="space-y-3">
                <div>
                  <dt className="text-sm font-medium text-neutral-700">{t("cohorts.invitation.code")}</dt>
                  <dd className={`font-mono text-4xl font-bold tracking-widest sm:text-5xl ${isUsable ? "" : "text-neutral-500 line-through"}`} data-testid="join-code">
                    {formatJoinCode(cohort.joinCode)}
                  </dd>
                </div>
                {joinUrl && (
                  <div>
                    <dt className="text-sm font-medium text-neutral-700">{t("cohorts.invitation.link")}</dt>
                    <dd className="break-all font-mono">{joinUrl}</dd>
                  </div>
                )}
              </dl>
            )}
            <p className={`font-medium ${isUsable ? "text-green-800" : "text-red-800"}`} data-testid="join-code-state">
              <span className="sr-only">{t("cohorts.invitation.state.label")} : </span>
              <span aria-hidden="true">{isUsable ? "✓ " : "⚠ "}</span>
              {describeJoinCodeState(cohort.joinCodeState, cohort.joinCodeExpiresAt, t, locale)}
            </p>
            {isUsable && (
              <Link href={`${base}/invitation`} className="inline-block rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
                {t("cohorts.invitation.project")}
              </Link>
            )}
          </div>
          {svg && joinUrl && (
            <div className="w-48 shrink-0 self-center md:self-start">
              <JoinQrCode svg={svg} label={t("cohorts.invitation.qr", { url: joinUrl })} caption={t("cohorts.invitation.qrCaption")} className="h-48 w-48" />
            </div>
          )}
        </div>
        <div className="space-y-3 border-t border-neutral-200 pt-4">
          <h3 className="font-semibold">{t("cohorts.invitation.manage")}</h3>
          <JoinCodeActions
            key={`${cohort.joinCode ?? "none"}-${cohort.joinCodeExpiresAt?.toISOString() ?? ""}`}
            locale={locale}
            cohortId={cohort.id}
            hasCode={cohort.joinCode !== null}
            expiresOn={expiryDayOf(cohort.joinCodeExpiresAt)}
          />
        </div>
        <div className="space-y-3 border-t border-neutral-200 pt-4">
          <h3 className="font-semibold">{t("cohorts.invite.title")}</h3>
          <InvitationForm locale={locale} cohortId={cohort.id} isCodeUsable={isUsable} />
        </div>
      </FormCard>

      <section aria-labelledby="learners-heading" className="space-y-3">
        <h2 id="learners-heading" className="text-xl font-semibold">
          {t("cohorts.learners.title", { count: cohort.learners.length })}
        </h2>
        {cohort.learners.length === 0 ? (
          <p className="text-neutral-700">{t("cohorts.learners.empty")}</p>
        ) : (
          <DataTable
            caption={{ id: "learners-caption", text: t("cohorts.learners.caption") }}
            minWidth="36rem"
            columns={[
              { key: "name", label: t("cohorts.learners.col.name") },
              { key: "email", label: t("cohorts.learners.col.email") },
              { key: "joinedAt", label: t("cohorts.learners.col.joinedAt") },
              { key: "actions", label: t("cohorts.learners.col.actions") },
            ]}
          >
            {cohort.learners.map((learner) => (
              <tr key={learner.userId} className="border-t border-neutral-200">
                <th scope="row" className="px-3 py-2 font-normal">
                  <Link href={`${base}/learners/${encodeURIComponent(learner.userId)}`} prefetch={false} className="font-medium text-brand-700 underline">
                    {learner.name}
                  </Link>
                </th>
                <td className="px-3 py-2 break-all">{learner.email}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatInstantDay(learner.joinedAt, locale)}</td>
                <td className="px-3 py-2">
                  <ConfirmButton
                    locale={locale}
                    url={`${apiBase}/members/${encodeURIComponent(learner.userId)}`}
                    label={t("cohorts.learners.remove")}
                    accessibleLabel={t("cohorts.learners.removeLabel", { name: learner.name })}
                    confirmText={t("cohorts.learners.removeConfirm", { name: learner.name })}
                    doneText={t("cohorts.learners.removed")}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="trainers-heading" className="space-y-3">
        <h2 id="trainers-heading" className="text-xl font-semibold">
          {t("cohorts.trainers.title")}
        </h2>
        <ul className="space-y-2">
          {cohort.trainers.map((trainer) => (
            <li key={trainer.userId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>
                <span className="font-medium">{trainer.name}</span> <span className="text-neutral-700">· {trainer.email}</span>
                {trainer.userId === cohort.ownerId && <span className="text-neutral-700"> · {t("cohorts.trainers.owner")}</span>}
                {trainer.userId === actor.id && <span className="text-neutral-700"> {t("cohorts.trainers.you")}</span>}
              </span>
              {cohort.canManageTrainers && trainer.userId !== cohort.ownerId && (
                <ConfirmButton
                  locale={locale}
                  url={`${apiBase}/members/${encodeURIComponent(trainer.userId)}`}
                  label={t("cohorts.trainers.remove", { name: trainer.name })}
                  confirmText={t("cohorts.trainers.removeConfirm", { name: trainer.name })}
                  doneText={t("cohorts.trainers.removed")}
                />
              )}
            </li>
          ))}
        </ul>
        {cohort.canManageTrainers ? (
          <div className="space-y-2">
            <h3 className="font-semibold">{t("cohorts.trainers.add")}</h3>
            <CoTrainerForm locale={locale} cohortId={cohort.id} />
          </div>
        ) : (
          <p className="text-sm text-neutral-700">{t("cohorts.trainers.ownerOnly")}</p>
        )}
      </section>

      <FormCard headingId="settings-heading" heading={t("cohorts.settings.title")}>
        <CohortForm
          locale={locale}
          cohortId={cohort.id}
          initial={{
            name: cohort.name,
            description: cohort.description,
            startsOn: cohort.startsOn ?? "",
            endsOn: cohort.endsOn ?? "",
            reminderDaysBefore: String(cohort.reminderDaysBefore),
          }}
        />
      </FormCard>
    </div>
  );
}
