/**
 * The line every client sees in a conversation: messages are read when the
 * therapist can, so they are not for emergencies, with the practice's own
 * crisis resources (CRISIS_RESOURCES_TEXT). Compact, and always there, not
 * only when someone says they are struggling (components/feedback/crisis-resources.tsx).
 */
export function NotForEmergencies({ therapistName, crisisText }: { therapistName: string; crisisText: string }) {
  return (
    <section aria-label="Not for emergencies" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm text-ink">
      <p className="font-semibold">
        Messages aren&apos;t for emergencies: {therapistName} may not see yours for a while.
      </p>
      {crisisText.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph} className="mt-1">
          {paragraph}
        </p>
      ))}
    </section>
  );
}
