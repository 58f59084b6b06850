// Outgoing e-mail. With SMTP_URL set, mail goes through that server. Without
// it (development, demo, tests) every message is written as an .eml file to
// MAIL_OUTBOX_DIR, where a person can open it and a test can read it:
// captured, never silently dropped.
//
// Invariants:
// - A message is built once, by nodemailer's MailComposer, and those exact
//   bytes go to SMTP or to the outbox: the outbox shows what SMTP would get.
// - Every message has a plain-text part; an HTML part and attachments are
//   optional. Text parts are quoted-printable at worst (never base64), so a
//   link on its own line stays readable in the raw message.
// - A message that someone can stop getting carries `List-Unsubscribe` (an
//   https link) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
//   (RFC 8058), so mail programs can offer a one-click unsubscribe.
// - Logs carry no content, addresses or links: only that delivery failed and why.
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { getEnv } from "../env";
import { getLogger } from "../log";
import { now as clockNow } from "../clock";

export type TMailAttachment = { filename: string; content: string; contentType: string };

export type TMail = {
  to: string;
  subject: string;
  text: string;
  /** Already escaped and complete (server/mail/layout.ts renders one). */
  html?: string;
  attachments?: TMailAttachment[];
  /** Absolute https link that stops this kind of e-mail with one POST (RFC 8058). */
  unsubscribeUrl?: string;
  /**
   * Stable id for a message that may be retried (e.g. a reminder's key): a
   * retry after a crash between "SMTP accepted" and "job done" then carries
   * the same Message-ID, which mail programs treat as one message.
   */
  idempotencyKey?: string;
};
export type TMailResult = { delivery: "sent" | "captured" | "failed" };

export type TComposedMail = { raw: Buffer; envelope: { from: string; to: string[] }; messageId: string };

/** Builds the message exactly as it will leave (or be captured). */
export async function composeMail(mail: TMail): Promise<TComposedMail> {
  const env = getEnv();
  const composer = new MailComposer({
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    date: clockNow(),
    // CRLF, as MIME lines are: quoted-printable counts a bare LF as part of the
    // line, and would then break a link that sits on a line of its own.
    text: toCrlf(mail.text),
    html: mail.html === undefined ? undefined : toCrlf(mail.html),
    textEncoding: "quoted-printable",
    messageId: mail.idempotencyKey ? stableMessageId(mail.idempotencyKey, env.MAIL_FROM) : undefined,
    attachments: mail.attachments?.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
    })),
    // Prepared (not folded or encoded): the URL stays whole on one line, as RFC 2369 readers expect.
    headers: mail.unsubscribeUrl
      ? {
          "List-Unsubscribe": { prepared: true, value: `<${mail.unsubscribeUrl}>` },
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
      : undefined,
  });
  const node = composer.compile();
  const raw = await node.build();
  const envelope = node.getEnvelope();
  return { raw, envelope: { from: envelope.from || env.MAIL_FROM, to: envelope.to }, messageId: node.messageId() };
}

/**
 * Sends or captures one message, throwing when it could not: for the job
 * queue, which retries with backoff.
 */
export async function deliverMail(mail: TMail): Promise<Exclude<TMailResult["delivery"], "failed">> {
  const env = getEnv();
  const composed = await composeMail(mail);
  if (env.SMTP_URL) {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    try {
      await transport.sendMail({ envelope: composed.envelope, raw: composed.raw });
    } finally {
      transport.close();
    }
    return "sent";
  }
  await captureToOutbox(env.MAIL_OUTBOX_DIR, mail.to, composed.raw);
  return "captured";
}

/** Sends or captures one message; never throws (for requests that must answer anyway). */
export async function sendMail(mail: TMail): Promise<TMailResult> {
  try {
    return { delivery: await deliverMail(mail) };
  } catch (error) {
    // Not the message: an SMTP server's reply can quote the recipient's address.
    const status = (error as { responseCode?: unknown } | null)?.responseCode;
    getLogger().error({ component: "mail", err: error, smtpStatus: typeof status === "number" ? status : undefined }, "delivery failed");
    return { delivery: "failed" };
  }
}

/** How an address appears in an outbox file's name. */
function outboxName(to: string): string {
  return to.replace(/[^a-z0-9@._-]/gi, "_");
}

/**
 * Deletes the outbox's copies of messages to `to` (account deletion): the
 * folder is where e-mails live when no SMTP server is set. Files are named
 * `<time>-<address>-<random>.eml`; nothing else is touched.
 */
export async function forgetOutboxMail(to: string): Promise<number> {
  const dir = getEnv().MAIL_OUTBOX_DIR;
  const marker = `-${outboxName(to)}-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  const mine = names.filter((name) => name.endsWith(".eml") && name.includes(marker));
  await Promise.all(mine.map((name) => rm(path.join(dir, name), { force: true })));
  return mine.length;
}

async function captureToOutbox(dir: string, to: string, raw: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const stamp = clockNow().toISOString().replace(/[:.]/g, "-");
  const safeTo = outboxName(to);
  // A random suffix: two messages to one person in the same millisecond (a
  // frozen test clock) must not overwrite each other.
  const suffix = Math.random().toString(36).slice(2, 8);
  await writeFile(path.join(dir, `${stamp}-${safeTo}-${suffix}.eml`), raw, { mode: 0o600 });
}

function toCrlf(value: string): string {
  return value.replace(/\r?\n/g, "\r\n");
}

function stableMessageId(key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "alliance.invalid";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 40)}@${domain}>`;
}
