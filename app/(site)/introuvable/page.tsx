import { notFound } from "next/navigation";

/**
 * Where proxy.ts sends an address it will not hand to Next.js's router (a path segment that does not
 * decode, an internal address): the not-found page, from a route without parameters to decode.
 */
export default function NotFoundTarget() {
  notFound();
}
