// One look for every e-mail Alliance sends: a plain-text part and a small
// HTML part built from the same pieces, readable on a phone (one column,
// system fonts, a large link button), with no images, tracking or scripts.
//
// Invariant: every piece of text is escaped here; callers pass plain strings
// (names, titles, times, app links), never HTML and never clinical text.

export type TMailContent = {
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print after the action, e.g. where settings live. */
  footer?: string[];
  unsubscribe?: { label: string; url: string };
};

export function renderMail(content: TMailContent): { text: string; html: string } {
  return { text: renderText(content), html: renderHtml(content) };
}

function renderText(content: TMailContent): string {
  const blocks: string[] = [];
  if (content.greeting) blocks.push(content.greeting);
  blocks.push(...content.paragraphs);
  // The link on a line of its own, so it survives any line wrapping.
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  if (content.footer?.length) blocks.push(content.footer.join("\n"));
  if (content.unsubscribe) blocks.push(`${content.unsubscribe.label}:\n${content.unsubscribe.url}`);
  return `${blocks.join("\n\n")}\n`;
}

function renderHtml(content: TMailContent): string {
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const small = (text: string) =>
    `<p style="margin:0 0 8px;font-size:14px;color:#555">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const parts = [
    ...(content.greeting ? [paragraph(content.greeting)] : []),
    ...content.paragraphs.map(paragraph),
    ...(content.action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#2f5d50;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>`,
        ]
      : []),
    ...(content.footer ?? []).map(small),
    ...(content.unsubscribe
      ? [
          `<p style="margin:16px 0 0;font-size:14px;color:#555"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#555">${escapeHtml(content.unsubscribe.label)}</a></p>`,
        ]
      : []),
  ];
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="margin:0;padding:0;background:#ffffff">',
    '<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2933">',
    '<p style="margin:0 0 24px;font-size:20px;font-weight:600;color:#2f5d50">Alliance</p>',
    ...parts,
    "</div></body></html>",
  ].join("\n");
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
