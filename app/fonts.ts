import localFont from "next/font/local";

// Self-hosted font file (from @fontsource-variable/inter): nothing is fetched from outside.
export const inter = localFont({
  src: "./inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});
