"use client";

import { useRouter } from "next/navigation";
import type { HTMLAttributes, MouseEvent } from "react";

type StaticTag = "div" | "ol" | "ul" | "nav" | "header" | "section";

/**
 * Markup rendered once per process on the server (components/programme/static-markup.ts), shown
 * as is. Its links stay in-app navigations: a click on a link to this site goes through the router,
 * as a next/link would, without hydrating one component per link.
 */
export function StaticHtml({ as: Tag = "div", html, ...attributes }: { as?: StaticTag; html: string } & Omit<HTMLAttributes<HTMLElement>, "children" | "dangerouslySetInnerHTML" | "onClick">) {
  const router = useRouter();
  function onClick(event: MouseEvent<HTMLElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a");
    if (!link || !event.currentTarget.contains(link) || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
    event.preventDefault();
    router.push(url.pathname + url.search + url.hash);
  }
  return <Tag {...attributes} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
