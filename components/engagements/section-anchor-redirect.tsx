"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { clientSectionPath, sectionForAnchor } from "@/lib/engagements/client-sections";

/**
 * Links written before the client page's parts moved to their own pages
 * (`/clients/…#questionnaires`, `#messages` in emails and bookmarks) still
 * land where they meant: on the part's page, at the same anchor.
 */
export function SectionAnchorRedirect({ engagementId }: { engagementId: string }) {
  const router = useRouter();
  useEffect(() => {
    const follow = () => {
      const anchor = window.location.hash.slice(1);
      const section = anchor ? sectionForAnchor(anchor) : undefined;
      if (section) router.replace(`${clientSectionPath(engagementId, section.slug)}#${anchor}`);
    };
    follow();
    // Also when only the anchor changes on this page (a link to `#messages` from the page itself).
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [engagementId, router]);
  return null;
}
