import type { Translate } from "@/lib/i18n";

export function VendorBadge({ t }: { t: Translate }) {
  return (
    <span
      title={t("vendor.amazonHint")}
      className="inline-flex items-center rounded-full border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900"
    >
      {t("vendor.amazon")}
    </span>
  );
}

export function KindBadge({ label }: { label: string }) {
  return <span className="inline-flex rounded-full bg-neutral-100 px-2 py-0.5 text-xs font-medium text-neutral-700">{label}</span>;
}
