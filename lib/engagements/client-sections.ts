// The parts of a therapist's client page that have their own page under
// /clients/[engagementId]/… (the page itself answers "what needs me?"). One
// list for the page's links, the pages' headings and the old in-page anchors
// (`/clients/…#messages`) that still lead to them.

export const CLIENT_SECTIONS = [
  { slug: "goals", title: "Goals", blurb: "Goals you set together, their steps and both your ratings", anchors: ["goals"] },
  { slug: "homework", title: "Homework", blurb: "Homework and exercises, what was done and what got in the way", anchors: ["homework"] },
  { slug: "sessions", title: "Sessions", blurb: "Schedule, move or cancel sessions; briefs and notes", anchors: ["sessions"] },
  {
    slug: "progress",
    title: "Feedback and questionnaires",
    blurb: "Session feedback, check-ins, PHQ-9 and GAD-7 over time",
    anchors: ["progress", "feedback", "questionnaires"],
  },
  { slug: "messages", title: "Messages", blurb: "Whether and how you write to each other between sessions", anchors: ["messages"] },
  { slug: "journal", title: "Shared journal", blurb: "Journal entries your client chose to share with you", anchors: ["journal"] },
] as const;

export type TClientSection = (typeof CLIENT_SECTIONS)[number];
export type TClientSectionSlug = TClientSection["slug"];

export function clientSectionPath(engagementId: string, slug: TClientSectionSlug): string {
  return `/clients/${engagementId}/${slug}`;
}

export function clientSection(slug: TClientSectionSlug): TClientSection {
  return CLIENT_SECTIONS.find((section) => section.slug === slug)!;
}

/** The page an old in-page anchor of the client page now lives on, if any. */
export function sectionForAnchor(anchor: string): TClientSection | undefined {
  return CLIENT_SECTIONS.find((section) => (section.anchors as readonly string[]).includes(anchor));
}
