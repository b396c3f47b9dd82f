/**
 * The installed platform's icons (the manifest's, app/manifest.ts), drawn as PNG by
 * app/icons/[name]/route.tsx from the same picture as app/icon.svg (the favicon): a green square,
 * a pale mountain line, a ground line. "maskable" icons are cut to a circle, a squircle or a
 * rounded square by the phone: their picture stays inside the central 80 % (the safe zone), on a
 * background that fills the whole square.
 */
export type AppIcon = { name: string; size: number; purpose: "any" | "maskable" };

export const APP_ICONS: readonly AppIcon[] = [
  { name: "icon-192.png", size: 192, purpose: "any" },
  { name: "icon-512.png", size: 512, purpose: "any" },
  { name: "maskable-192.png", size: 192, purpose: "maskable" },
  { name: "maskable-512.png", size: 512, purpose: "maskable" },
];

export const BRAND_GREEN = "#1d6b52";

/**
 * The picture as SVG, in a 64-unit square. `maskable`: a full-bleed background and the drawing
 * scaled into the safe zone; else app/icon.svg's rounded square.
 */
export function appIconSvg(purpose: AppIcon["purpose"]): string {
  const drawing = `<path d="M14 46 L28 18 L36 34 L42 24 L52 46 Z" fill="#eef6f3"/><path d="M8 52 H56" stroke="#d5ebe2" stroke-width="4" stroke-linecap="round"/>`;
  const body =
    purpose === "maskable"
      ? `<rect width="64" height="64" fill="${BRAND_GREEN}"/><g transform="translate(9.6 9.6) scale(0.7)">${drawing}</g>`
      : `<rect width="64" height="64" rx="14" fill="${BRAND_GREEN}"/>${drawing}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${body}</svg>`;
}
