import Link from "next/link";

/**
 * Shown when a client tells us they are struggling. The text is configurable
 * (CRISIS_RESOURCES_TEXT). `hasPlanLink`: a link to the client's own safety
 * plan beside it (issue 26), for the places a client says it is hard.
 */
export function CrisisResources({ text, hasPlanLink = false }: { text: string; hasPlanLink?: boolean }) {
  return (
    <section role="status" aria-label="If you need help now" className="rounded-lg border border-danger/40 bg-danger-soft p-4 text-ink">
      <h3 className="mb-1 font-semibold">If you need help now</h3>
      {text.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph} className="mt-1">
          {paragraph}
        </p>
      ))}
      {hasPlanLink ? (
        <p className="mt-2">
          <Link href="/safety-plan" className="font-medium text-brand-strong underline">
            Open my safety plan
          </Link>{" "}
          — the steps you wrote for moments like this.
        </p>
      ) : null}
    </section>
  );
}
