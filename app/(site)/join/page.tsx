import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { FormCard } from "@/components/ui/form-card";
import { normalizeJoinCode } from "@/lib/cohorts/join-code";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Rejoindre un groupe" };

/** Target of the "Code d'invitation" form: a well-formed code goes on to /join/<CODE>. */
export default async function JoinFormPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const typed = typeof params.code === "string" ? params.code.slice(0, 40) : "";
  const code = typed ? normalizeJoinCode(typed) : null;
  if (code) redirect(`/join/${code}`);
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("join.title")}</h1>
      <p className="text-neutral-700">{t("join.formIntro")}</p>
      <FormCard as="div">
        <JoinCodeForm t={t} defaultValue={typed} error={typed ? t("errors.joinCode.invalid") : undefined} />
      </FormCard>
    </div>
  );
}
