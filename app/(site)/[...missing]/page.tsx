import { notFound } from "next/navigation";

/**
 * Any address that is no page: the site's not-found page (app/(site)/not-found.tsx), inside the
 * root layout. The root layout lives in the route group, so there is no app-wide not-found page:
 * unknown addresses are caught here.
 */
export default function MissingPage() {
  notFound();
}
