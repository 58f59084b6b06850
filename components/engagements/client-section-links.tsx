import Link from "next/link";
import { CLIENT_SECTIONS, clientSectionPath } from "@/lib/engagements/client-sections";

/** The client page's parts, each one tap away on its own page (lib/engagements/client-sections.ts), with the safety plan and ladder. */
export function ClientSectionLinks({ engagementId, clientName, isInvited }: { engagementId: string; clientName: string; isInvited: boolean }) {
  const links = [
    ...CLIENT_SECTIONS.map((section) => ({ href: clientSectionPath(engagementId, section.slug), title: section.title, blurb: section.blurb })),
    ...(isInvited
      ? []
      : [
          {
            href: `/engagements/${engagementId}/safety-plan`,
            title: "Safety plan",
            blurb: `${clientName}'s own plan for a crisis; you can both change it`,
          },
          { href: `/engagements/${engagementId}/ladder`, title: "Ladder", blurb: "Steps faced one at a time, and how anxious each practice was" },
        ]),
  ];
  return (
    <nav aria-label={`More about ${clientName}`}>
      <ul className="grid gap-3 sm:grid-cols-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} prefetch={false} className="flex h-full flex-col rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand">
              <span className="font-medium text-brand-strong underline">{link.title}</span>
              <span className="text-sm text-ink-muted">{link.blurb}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
