import { notFound } from "next/navigation";

/**
 * Any address that is no page: the site's not-found page (app/(site)/not-found.tsx). With two root
 * layouts there is no app-wide not-found page, so unknown addresses are caught here.
 */
export default function MissingPage() {
  notFound();
}
