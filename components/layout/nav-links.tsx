"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";

export type TNavItem = { href: string; label: string; icon?: ReactNode };

/**
 * The main navigation's links. `layout`: "row" in the header; "tabs" for the
 * bar along the bottom of a phone's screen (an icon over a short label, one
 * thumb's reach away).
 */
export function NavLinks({ items, layout = "row" }: { items: TNavItem[]; layout?: "row" | "tabs" }) {
  const pathname = usePathname();
  const isTabs = layout === "tabs";
  return (
    <ul className={isTabs ? "grid auto-cols-fr grid-flow-col" : "flex flex-wrap gap-1"}>
      {items.map((item) => {
        const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent ? "page" : undefined}
              className={
                isTabs
                  ? "flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 py-1 text-center text-xs leading-tight text-ink-muted aria-[current=page]:font-semibold aria-[current=page]:text-brand-strong"
                  : "inline-flex min-h-11 items-center rounded-lg px-3 hover:bg-canvas aria-[current=page]:bg-brand-soft aria-[current=page]:font-medium aria-[current=page]:text-brand-strong"
              }
            >
              {isTabs ? item.icon : null}
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
