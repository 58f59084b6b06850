// The process logger: JSON lines on stdout, one object per line, for whatever
// collects the app's output (docs/security-and-privacy.md, S17: logs carry ids, never
// note or journal text; secrets and tokens redacted).
//
// Invariants:
// - Lines carry ids, names, codes and durations. Never procedure input,
//   request bodies, note/journal/reflection text, e-mail addresses, tokens or
//   passwords: callers log ids, and `redact` below blanks the obvious keys in
//   case one slips into a logged object.
// - Errors are logged as name, code and stack frames only (serializeError):
//   an error's message can quote user input (a Postgres error's text and
//   `detail` quote the offending value), so no message text reaches a line.
// - No pino transports: they run in worker threads, which Next's bundles
//   break. Writing to stdout synchronously is enough at this app's volume.
// - LOG_LEVEL (server/env.ts) is read on first use, not at import, so
//   `next build` never needs a valid environment to load this module.
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { getEnv } from "./env";

export type TLogger = Logger;
export type TLogLevel = NonNullable<LoggerOptions["level"]>;

/**
 * Keys whose values are free text, secrets or contact details anywhere in
 * the domain (procedure inputs, headers, rows). Blanked at the top level and
 * two levels down.
 */
const SENSITIVE_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "secret",
  "authorization",
  "cookie",
  "input",
  "rawInput",
  "body",
  "text",
  "note",
  "reflection",
  "response",
  "obstacle",
  "takeaway",
  "feedback",
  "comment",
  "whyItMatters",
  "description",
  "instructions",
  // Goal and homework titles and questionnaire answers are sealed at rest too (server/crypto/sealed-fields.ts).
  "title",
  "answers",
  "email",
  "newEmail",
];

const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const MAX_FRAMES = 20;
/** A stack line naming a location: "    at fn (/path/file.js:1:2)", "    at /path/file.js:1:2" or "    at async /path/file.js:1:2". */
const FRAME = /^\s+at (?:async )?(?:[\w$.<>[\] ]{1,200} \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^()\n]{1,300}:\d+:\d+\)?$/;
/** Codes worth keeping (Prisma "P2002", SQLSTATE "23505", Node "ECONNREFUSED"): short tokens, never text. */
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

type TSafeError = { name: string; code?: string; kind?: string; frames?: string[]; cause?: TSafeError };

function safeToken(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && CODE.test(text) ? text : undefined;
}

/**
 * What may be logged of an error: its name, code, the driver's error kind,
 * its stack frames (the text before them, which repeats the message, is cut
 * off), and the same of its causes. Never the message.
 */
export function serializeError(error: unknown, depth = 0): TSafeError {
  if (typeof error !== "object" || error === null) return { name: typeof error };
  const record = error as { name?: unknown; code?: unknown; kind?: unknown; stack?: unknown; message?: unknown; cause?: unknown };
  const name = safeToken(record.name) ?? (error instanceof Error ? "Error" : "Object");
  const safe: TSafeError = { name };
  const code = safeToken(record.code);
  if (code) safe.code = code;
  const kind = safeToken(record.kind);
  if (kind) safe.kind = kind;
  if (typeof record.stack === "string") {
    const message = typeof record.message === "string" ? record.message : "";
    // V8 writes "Name: message" first; a message can span lines and look like frames.
    const at = message ? record.stack.lastIndexOf(message) : -1;
    const frames = (at >= 0 ? record.stack.slice(at + message.length) : record.stack)
      .split("\n")
      .filter((line) => FRAME.test(line))
      .slice(0, MAX_FRAMES)
      .map((line) => line.trim());
    if (frames.length) safe.frames = frames;
  }
  if (record.cause !== undefined && depth < 3) safe.cause = serializeError(record.cause, depth + 1);
  return safe;
}

/** A pino logger writing to `destination` (the process logger's, or a test's). */
export function createLogger(destination: DestinationStream, level: TLogLevel = "info"): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: {
        // pino would otherwise use an error's message as the line's message.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first instanceof Error) {
            return method.apply(this, [{ err: first }, typeof rest[0] === "string" ? rest[0] : first.name]);
          }
          if (typeof first === "object" && first !== null && "err" in first && typeof rest[0] !== "string") {
            return method.apply(this, [first, "error"]);
          }
          return method.apply(this, args);
        },
      },
    },
    destination,
  );
}

// The process logger writes through this sink, so a test can swap where lines go.
const sink: DestinationStream & { target: DestinationStream } = {
  target: process.stdout,
  write(line: string) {
    this.target.write(line);
  },
};

/** Sends the process logger's lines to `destination` until the returned function is called (tests). */
export function setLogDestination(destination: DestinationStream): () => void {
  const previous = sink.target;
  sink.target = destination;
  return () => {
    sink.target = previous;
  };
}

let processLogger: Logger | undefined;

/** The process logger, at LOG_LEVEL. */
export function getLogger(): Logger {
  processLogger ??= createLogger(sink, getEnv().LOG_LEVEL);
  return processLogger;
}

/** A short token a proxy or load balancer may have set; anything else is ignored. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The incoming x-request-id when it is a sane token, else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id")?.trim();
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * A child logger whose every line carries the request's id (a fresh one when
 * the caller has none), the signed-in user's id and the route.
 */
export function requestLogger(fields: { requestId?: string; userId?: string | null; route: string }): Logger {
  return getLogger().child({ requestId: fields.requestId ?? randomUUID(), userId: fields.userId ?? null, route: fields.route });
}
