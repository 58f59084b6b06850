/** Shown when a client tells us they are struggling. The text is configurable (CRISIS_RESOURCES_TEXT). */
export function CrisisResources({ text }: { text: string }) {
  return (
    <section role="status" aria-label="If you need help now" className="rounded-lg border border-danger/40 bg-danger-soft p-4 text-ink">
      <h3 className="mb-1 font-semibold">If you need help now</h3>
      {text.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph} className="mt-1">
          {paragraph}
        </p>
      ))}
    </section>
  );
}
