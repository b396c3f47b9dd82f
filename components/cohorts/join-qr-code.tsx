/**
 * The join link's QR code: SVG markup made on the server (server/qr.ts) from our own data, inserted
 * as is. The CSP forbids inline scripts, not inline SVG. role="img" gives it one accessible name.
 */
export function JoinQrCode({ svg, label, caption, className = "" }: { svg: string; label: string; caption?: string; className?: string }) {
  return (
    <figure className="space-y-2">
      <div role="img" aria-label={label} className={`bg-white [&>svg]:h-full [&>svg]:w-full ${className}`} dangerouslySetInnerHTML={{ __html: svg }} />
      {caption && <figcaption className="text-center text-sm text-neutral-700">{caption}</figcaption>}
    </figure>
  );
}
