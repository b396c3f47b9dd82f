import type { ReactNode } from "react";
import { PATH_KINDS } from "@/lib/viewer";

export const dynamicParams = false;

/** The programme's pages exist for both paths: standard, and neutral (`neutre`: no vendor's own modules). */
export function generateStaticParams() {
  return PATH_KINDS.map((pathKind) => ({ pathKind }));
}

export default function TrackLayout({ children }: { children: ReactNode }) {
  return children;
}
