import type { Metadata } from "next";
import Link from "next/link";
import { JoinQrCode } from "@/components/cohorts/join-qr-code";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { formatJoinCode } from "@/lib/cohorts/join-code";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getCohortForTrainer } from "@/server/data/cohorts";
import { getTranslator } from "@/server/i18n";
import { publicUrl } from "@/server/mail";
import { qrCodeSvg } from "@/server/qr";

export const metadata: Metadata = { title: "Rejoindre le groupe" };

type Params = Promise<{ cohortId: string }>;

/** For a projector in a workshop: the cohort's name, a huge QR code, the code and the link, nothing else. */
export default async function CohortInvitationPage({ params }: { params: Params }) {
  const { cohortId } = await params;
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}/invitation`);
  const [{ t }, cohort] = await Promise.all([getTranslator(), orNotFound(getCohortForTrainer(actor, cohortId, now()))]);
  const joinUrl = cohort.joinCode && cohort.joinCodeState === "usable" ? publicUrl(`/join/${cohort.joinCode}`) : null;
  const svg = joinUrl ? await qrCodeSvg(joinUrl) : null;
  // The short link people type: the host and path, without the scheme.
  const shortLink = joinUrl ? joinUrl.replace(/^https?:\/\//, "") : null;

  return (
    <div className="flex flex-col items-center gap-6 text-center">
      <h1 className="text-3xl font-bold break-words sm:text-5xl">{cohort.name}</h1>
      {svg && joinUrl && cohort.joinCode ? (
        <>
          <p className="text-2xl font-semibold sm:text-3xl">{t("cohorts.projection.join")}</p>
          <JoinQrCode svg={svg} label={t("cohorts.invitation.qr", { url: joinUrl })} className="mx-auto aspect-square w-[min(80vw,70vh)]" />
          <p className="text-2xl sm:text-4xl">
            {t("cohorts.projection.code")}{" "}
            <strong className="font-mono text-4xl tracking-widest sm:text-7xl" data-testid="join-code">
              {formatJoinCode(cohort.joinCode)}
            </strong>
          </p>
          <p className="text-xl break-all sm:text-3xl">
            {t("cohorts.projection.link")} <span className="font-mono font-semibold">{shortLink}</span>
          </p>
        </>
      ) : (
        <div className="space-y-4">
          <p className="text-xl" role="alert">
            {t("cohorts.projection.unusable")}
          </p>
          <Link href={`/cohorts/${encodeURIComponent(cohort.id)}/members`} className="underline">
            {t("cohorts.projection.back")}
          </Link>
        </div>
      )}
    </div>
  );
}
