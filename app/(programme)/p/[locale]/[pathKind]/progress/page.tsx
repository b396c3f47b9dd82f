import type { Metadata } from "next";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { AttestationButton } from "@/components/progress/attestation-button";
import { ShowWhen, ViewerLoader, ViewerSlot } from "@/components/viewer/viewer-client";
import { programmeParams, type ProgrammeParams } from "../params";
import "@/components/programme/programme.css";

export async function generateMetadata({ params }: { params: ProgrammeParams }): Promise<Metadata> {
  return { title: (await programmeParams(params)).t("myProgress.title") };
}

/**
 * Mon parcours: prerendered per language; everything in it is the learner's own and comes from
 * /api/viewer (a visitor is sent to the sign-in page, by proxy.ts or, when the session has gone,
 * by components/viewer).
 */
export default async function MyProgressPage({ params }: { params: ProgrammeParams }) {
  const { locale, t, pathKind } = await programmeParams(params);
  return (
    <div className="space-y-8">
      <ViewerLoader query={{ page: "progress", locale }} pathKind={pathKind} />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("myProgress.title")}</h1>
        <p className="max-w-3xl text-sm text-neutral-700">{t("myProgress.stepHint")}</p>
      </header>

      <ShowWhen flag="learner">
        <section id="a-faire" aria-labelledby="todo-heading" className="space-y-3" data-testid="todo">
          <ViewerSlot name="progress-todo" className="space-y-3" />
          <ShowWhen flag="joinOnProgress">
            <div className="max-w-2xl rounded-lg border border-neutral-200 bg-white p-5">
              <JoinCodeForm t={t} id="progress-join-code" />
            </div>
          </ShowWhen>
        </section>
      </ShowWhen>

      <section aria-labelledby="overall-heading" className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5" data-testid="overall-progress">
        <h2 id="overall-heading" className="text-xl font-semibold">
          {t("myProgress.overall")}
        </h2>
        <ViewerSlot name="progress-overall" className="space-y-4" />
        <ShowWhen flag="attestationGet">
          <AttestationButton label={t("myProgress.attestationGet")} errorLabel={t("errors.generic")} />
        </ShowWhen>
      </section>

      <ViewerSlot name="progress-chapters" as="ol" className="progress-chapters" />
    </div>
  );
}
