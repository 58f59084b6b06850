// The printable page as a file of its own: alliance-export.html inside the
// client's download (server/export/client-archive.ts). The same view as
// /account/export, with a small stylesheet inside the file, so it reads and
// prints well opened from a disk years later, with no Alliance around it: no
// scripts, no fonts or images to fetch. The stylesheet gives meaning to the
// few utility classes the view uses for reading (muted text, weights, kept
// line breaks, numbered lists); its layout classes are left to the browser.
import type { RouterOutputs } from "@/lib/trpc/types";
import { CLIENT_EXPORT_INTRO, ClientExportView } from "./export-view";

const STYLES = `
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1.25rem; font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1f2933; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
p { margin: 0.25rem 0; }
ul, ol { margin: 0.25rem 0; padding: 0; list-style: none; }
li { margin: 0.5rem 0; }
.pl-6 > li, .list-decimal > li { margin: 0.15rem 0; }
section { margin-top: 1.25rem; padding-top: 0.75rem; border-top: 1px solid #d8d2c8; }
dl { margin: 0.25rem 0; }
dt { font-weight: 600; }
dd { margin: 0 0 0.4rem 1.25rem; }
code { font: 0.9em ui-monospace, Menlo, Consolas, monospace; }
a { color: #1d4ed8; }
.text-ink-muted { color: #4b5563; }
.font-semibold, .font-medium { font-weight: 600; }
.font-normal { font-weight: 400; }
.whitespace-pre-wrap { white-space: pre-wrap; }
.list-decimal { list-style: decimal; }
.pl-6 { padding-left: 1.5rem; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid-page; }
  li { break-inside: avoid-page; }
  a { color: inherit; }
}
`;

type TClientExport = RouterOutputs["dataExport"]["mine"];
/** The page's content; the document around it is plain text below (no <head> element in a React tree). */
function ClientExportBody({ data, timeZone }: { data: TClientExport; timeZone: string }) {
  return (
    <>
      <h1>Everything Alliance holds about you</h1>
      <p className="text-ink-muted">{CLIENT_EXPORT_INTRO}</p>
      <p className="text-ink-muted">
        Beside this page: alliance-export.json, the same record for other programs to read, and your voice memos&apos; recordings in
        the voice-memos folder. Your messages with your therapist come last.
      </p>
      <ClientExportView data={data} timeZone={timeZone} isInArchive />
    </>
  );
}

/** For the one value of the person's own that goes into the document's head: their name, in the title. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The whole file, doctype first. react-dom/server is imported by Node at run
 * time, not bundled: Next bundles route handlers in its Server Components
 * layer, where it refuses react-dom/server ("render or return the content
 * directly as a Server Component"), and a page cannot give a standalone file.
 * `webpackIgnore` is Next's documented way to leave an import to run time
 * (node_modules/next/dist/docs/01-app/02-guides/lazy-loading.md, "Magic Comments").
 */
export async function clientExportHtml(data: TClientExport, timeZone: string): Promise<string> {
  const { renderToStaticMarkup } = (await import(/* webpackIgnore: true */ "react-dom/server")) as typeof import("react-dom/server");
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Everything Alliance holds about ${data.person.name}`)}</title>`,
    // A constant of this file, never anything a person wrote.
    `<style>${STYLES}</style>`,
  ].join("\n");
  const body = renderToStaticMarkup(<ClientExportBody data={data} timeZone={timeZone} />);
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
