// A real SMTP server inside the test process (smtp-server), each message
// parsed with mailparser. useTestSmtp() starts it for the file (beforeAll),
// points the app's mailer at it (SMTP_URL, plus the URL and sender e-mails
// use), and closes it (afterAll). Messages are told apart by recipient.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { setEnvForChildren } from "@/server/env";

export type TReceivedMail = { to: string[]; raw: string; mail: ParsedMail };

export type TTestSmtp = {
  /** Every message received so far, in order. */
  received: TReceivedMail[];
  mailsTo: (email: string) => TReceivedMail[];
  /**
   * Holds the next message open (the sender waits for the server's answer)
   * until `release` is called; `started` settles once it is being held.
   */
  holdNext: () => { started: Promise<void>; release: () => void };
  /** While on, answers every message "451 try again later" (a mail server that is down or busy). */
  setRefusing: (isRefusing: boolean) => void;
  /** How many messages were refused so far. */
  refusedCount: () => number;
};

export function useTestSmtp(env: Record<string, string> = {}): TTestSmtp {
  const received: TReceivedMail[] = [];
  let hold: { started: () => void; release: Promise<void> } | null = null;
  let isRefusing = false;
  let refused = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!isRefusing) return callback();
      refused += 1;
      callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = await simpleParser(raw);
        const gate = hold;
        hold = null;
        if (gate) {
          gate.started();
          await gate.release;
        }
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, mail });
        callback();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    setEnvForChildren({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      NEXTAUTH_URL: "https://alliance.test",
      MAIL_FROM: "Alliance <no-reply@alliance.test>",
      ...env,
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  return {
    received,
    mailsTo: (email) => received.filter((message) => message.to.includes(email)),
    holdNext: () => {
      let started!: () => void;
      let release!: () => void;
      const isStarted = new Promise<void>((resolve) => (started = resolve));
      hold = { started, release: new Promise<void>((resolve) => (release = resolve)) };
      return { started: isStarted, release };
    },
    setRefusing: (value) => {
      isRefusing = value;
    },
    refusedCount: () => refused,
  };
}
