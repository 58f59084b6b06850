// Outgoing e-mail. With SMTP_URL set, mail goes through that server. Without
// it (development, demo, tests) every message is written as an .eml file to
// MAIL_OUTBOX_DIR, where a person can open it and a test can read it:
// captured, never silently dropped.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "../env";

export type TMail = { to: string; subject: string; text: string };
export type TMailResult = { delivery: "sent" | "captured" | "failed" };

export async function sendMail(mail: TMail): Promise<TMailResult> {
  const env = getEnv();
  try {
    if (env.SMTP_URL) {
      await nodemailer.createTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...mail });
      return { delivery: "sent" };
    }
    await captureToOutbox(env.MAIL_OUTBOX_DIR, env.MAIL_FROM, mail);
    return { delivery: "captured" };
  } catch (error) {
    // Logs carry no message content: only that delivery failed and why.
    console.error(`[mail] delivery failed: ${(error as Error).message}`);
    return { delivery: "failed" };
  }
}

async function captureToOutbox(dir: string, from: string, mail: TMail): Promise<void> {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, "_");
  const eml = [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    mail.text,
    "",
  ].join("\r\n");
  await writeFile(path.join(dir, `${stamp}-${safeTo}.eml`), eml, { mode: 0o600 });
}
