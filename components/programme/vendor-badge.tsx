import type { Translate } from "@/lib/i18n";
import "./programme.css";

export function VendorBadge({ t }: { t: Translate }) {
  return (
    <span title={t("vendor.amazonHint")} className="vendor">
      {t("vendor.amazon")}
    </span>
  );
}

export function KindBadge({ label }: { label: string }) {
  return <span className="kind">{label}</span>;
}
