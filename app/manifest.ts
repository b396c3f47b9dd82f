import type { MetadataRoute } from "next";
import { APP_ICONS } from "@/lib/app-icons";

/**
 * The web app manifest (Next.js's metadata file convention: served at /manifest.webmanifest and
 * linked from every page): the platform can be installed on a phone's home screen, in French, opening
 * on the programme, without the browser's bars. The icons are drawn by app/icons/[name]/route.tsx.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Accélérateur libre",
    short_name: "Accélérateur",
    description: "Formation libre et gratuite pour les commerçants qui se lancent en ligne : sept chapitres de tutoriels courts, avec des alternatives neutres.",
    lang: "fr",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbfbf8",
    theme_color: "#1d6b52",
    categories: ["education", "business"],
    icons: APP_ICONS.map((icon) => ({ src: `/icons/${icon.name}`, sizes: `${icon.size}x${icon.size}`, type: "image/png", purpose: icon.purpose })),
  };
}
