import { ImageResponse } from "next/og";
import { APP_ICONS, appIconSvg } from "@/lib/app-icons";

/**
 * The manifest's PNG icons (lib/app-icons.ts), drawn with Next.js's ImageResponse from the SVG
 * picture at build time (generateStaticParams: every icon is prerendered, none drawn per request).
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return APP_ICONS.map((icon) => ({ name: icon.name }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const icon = APP_ICONS.find((i) => i.name === name);
  if (!icon) return new Response("Not found", { status: 404 });
  const src = `data:image/svg+xml;base64,${Buffer.from(appIconSvg(icon.purpose)).toString("base64")}`;
  return new ImageResponse(
    (
      // eslint-disable-next-line @next/next/no-img-element -- ImageResponse draws an <img>, not a page's image
      <img src={src} width={icon.size} height={icon.size} alt="" />
    ),
    { width: icon.size, height: icon.size, headers: { "cache-control": "public, max-age=86400" } },
  );
}
