// Who changed the safety plan, when, and what: per section, the lines added
// and taken out (server/safety-plans/diff.ts). Drawn on the server.
import { SAFETY_PLAN_SECTIONS } from "@/lib/constants/safety-plan";
import { formatDateTime } from "@/lib/format";

type TVersion = {
  version: number;
  createdAt: Date;
  authorName: string;
  authorRole: "therapist" | "client";
  changes: { section: string; added: string[]; removed: string[] }[];
};

const TITLES: Record<string, string> = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section.key, section.title]));

export function VersionHistory({ versions, timeZone }: { versions: TVersion[]; timeZone: string }) {
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="plan-history" className="flex flex-col gap-3 print:hidden">
      <h2 id="plan-history" className="text-xl font-semibold">
        Changes ({versions.length})
      </h2>
      <ol className="flex flex-col gap-3">
        {versions.map((version) => (
          <li key={version.version} className="rounded-xl border border-line bg-surface p-4">
            <p className="font-medium">
              Version {version.version}: {version.authorName}, {formatDateTime(version.createdAt, timeZone)}
            </p>
            {version.changes.map((change) => (
              <div key={change.section} className="mt-2">
                <p className="text-sm text-ink-muted">{TITLES[change.section] ?? change.section}</p>
                <ul className="flex flex-col gap-0.5 pl-1">
                  {change.added.map((line, at) => (
                    <li key={`a${at}`}>
                      <span className="sr-only">Added: </span>
                      <span aria-hidden className="font-mono text-success">+ </span>
                      {line}
                    </li>
                  ))}
                  {change.removed.map((line, at) => (
                    <li key={`r${at}`} className="text-ink-muted line-through">
                      <span className="sr-only">Taken out: </span>
                      <span aria-hidden className="font-mono">− </span>
                      {line}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
