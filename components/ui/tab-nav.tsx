import Link from "next/link";

/** A row of links between the pages of one section, the current one underlined and `aria-current`. */
export function TabNav({ label, links }: { label: string; links: { href: string; label: string; isCurrent: boolean }[] }) {
  return (
    <nav aria-label={label} className="border-b border-neutral-300">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.isCurrent ? "page" : undefined}
              className={`inline-block border-b-4 px-3 py-2 font-medium ${
                link.isCurrent ? "border-brand-600 text-brand-800" : "border-transparent text-neutral-700 hover:border-neutral-300 hover:text-ink"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
