// The framework's floor (bench/support/floor-app.ts): Next.js's root layout with nothing of ours.
export const metadata = { title: "Plancher" };

export default function RootLayout({ children }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
