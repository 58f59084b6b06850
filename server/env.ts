// The one place that reads process.env (docs/house-style.md, H6): one
// validated module. Parsed lazily so `next build` works without a database;
// the first request that needs a value fails loudly if it is missing.
import { z } from "zod";

/** "true"/"1" or "false"/"0"; undefined when unset, so callers can pick a default. */
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true" || value === "1"));

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url().optional(),
  /**
   * A direct (unpooled) connection to the same database, for what a
   * transaction-mode pooler such as PgBouncer cannot carry: the live
   * listener's LISTEN, the job queue's LISTEN and locks, and migrations.
   * Unset: DATABASE_URL is used for those too.
   */
  DATABASE_DIRECT_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** 32 random bytes, base64: seals sensitive free text at rest (server/crypto). */
  DATA_ENCRYPTION_KEY: z.string().optional(),
  /** Earlier keys, comma-separated: still opened, never used to seal (key rotation). */
  DATA_ENCRYPTION_OLD_KEYS: z.string().optional(),
  DEMO_MODE: booleanFlag,
  PORT: z.coerce.number().int().positive().default(3000),
  /**
   * Proxies in front of Alliance (load balancer, TLS terminator) that append
   * the client's address to X-Forwarded-For. 0 (the default): the address is
   * the socket's and the header is ignored, because a client can write it.
   * Set it to exactly the number of proxies you run (server/auth/request-meta.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54320),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  /**
   * Where `npm run backup`/`restore` look for pg_dump and pg_restore before
   * PATH. They are used when their major version is at least the server's;
   * otherwise the built-in format is written (server/backup/).
   */
  PG_BIN_DIR: z.string().optional(),
  TEST_DATABASE_URL: z.url().optional(),
  /** Set by the test runner for its children: the server tests make databases on. */
  TEST_DATABASE_SERVER_URL: z.url().optional(),
  CI: booleanFlag,
  /**
   * smtp(s)://user:pass@host:port. Unset: e-mails are written to
   * MAIL_OUTBOX_DIR, which a real installation must then set on purpose
   * (server/mail/setup.ts).
   */
  /** The longest voice memo, in seconds (issue 24); the browser stops recording there and the server refuses longer audio. */
  VOICE_MEMO_MAX_SECONDS: z.coerce.number().int().min(10).max(1800).default(300),
  /** After this many PHQ-9 or GAD-7 answers without a reliable improvement, still moderate or above, the client is off track (lib/measures/off-track.ts). */
  OFF_TRACK_AFTER_ANSWERS: z.coerce.number().int().min(2).max(24).default(4),
  /**
   * Where voice memos' sealed bytes go. Unset: Postgres (voice_memo_chunks,
   * in every backup). Set: an S3-compatible object store, path-style,
   * `https://endpoint/bucket[/prefix]`; credentials from AWS_ACCESS_KEY_ID /
   * AWS_SECRET_ACCESS_KEY. Only ciphertext is ever sent there.
   */
  BLOB_STORE_URL: z.url().optional(),
  BLOB_STORE_REGION: z.string().default("us-east-1"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Alliance <no-reply@alliance.invalid>"),
  MAIL_OUTBOX_DIR: z.string().default(".data/outbox"),
  /** `npm start` runs the background worker (reminders, e-mails) in its process unless this is false. */
  RUN_WORKER: booleanFlag,
  /** Jobs one worker process runs at once. */
  /**
   * Web push (server/notifications/push.ts). The VAPID key pair, base64url as
   * `web-push generate-vapid-keys` prints it; both or neither. Without them a
   * pair is made on first use and kept in the database (private key sealed).
   */
  WEB_PUSH_VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "a base64url P-256 public key").optional(),
  WEB_PUSH_VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, "a base64url P-256 private key").optional(),
  /** Who push services may contact about our pushes: mailto: or https: (default: mailto: of MAIL_FROM's address). */
  WEB_PUSH_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, "mailto:… or https://…").optional(),
  /**
   * Extra push service hosts (comma-separated host[:port]) beyond the browser
   * vendors' own. Tests name their local stand-in here; only hosts listed
   * here may be localhost or plain http.
   */
  WEB_PUSH_EXTRA_HOSTS: z.string().optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** Shown to a client who writes that they are struggling. Plain text; blank lines separate paragraphs. */
  CRISIS_RESOURCES_TEXT: z.string().max(4000).optional(),
  /**
   * Session limits (server/auth/session-limits.ts). Idle: minutes without a
   * request before a session ends. Therapists see many clients' records,
   * often on a shared office computer: 30. Clients see only their own, mostly
   * on their own phone, and writing a journal entry can mean long pauses to
   * think; a short limit would throw away what they were writing. An hour
   * still ends a session left open on a shared family device: 60.
   */
  SESSION_IDLE_MINUTES_THERAPIST: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_IDLE_MINUTES_CLIENT: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Absolute lifetime of a session, however active. At most 24: the cookie lives that long. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  /** Therapists must turn on two-step sign-in (server/auth/totp.ts) before they can see anything else. */
  REQUIRE_TWO_FACTOR_FOR_THERAPISTS: booleanFlag,
  /** Audit events older than this many months leave the database for files (`npm run audit:archive`). */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(12).max(600).default(72),
  /** `npm run bench` only: serves /api/bench/raw, its raw-pg baseline. Never on in a real installation. */
  BENCH_ROUTES: booleanFlag,
  /** The JSON log lines on stdout (server/log.ts) at this level and above; `silent` for none. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (!cached) {
    // `NAME=` (as in a .env copied from .env.example) means unset, not "".
    const values = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const parsed = ZEnvSchema.safeParse(values);
    if (!parsed.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * Whether MAIL_OUTBOX_DIR was set on purpose: the schema gives it a default,
 * so getEnv() alone can't tell "keep e-mails as files" from "forgot SMTP_URL".
 */
export function isMailOutboxDirSet(): boolean {
  return Boolean(process.env.MAIL_OUTBOX_DIR);
}

/** The app's public origin, for links in e-mails. */
export function appUrl(): string {
  const env = getEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

const DEFAULT_CRISIS_TEXT = [
  "Alliance isn't watched in real time, so nobody will see what you write here straight away.",
  "If you are in danger or thinking about harming yourself, call your local emergency number now, or go to the nearest emergency department.",
  "You can also contact a crisis line in your country, or tell someone you trust how you are feeling.",
].join("\n\n");

/**
 * Where to find help in a crisis: the practice's own words when it wrote
 * some (issue 29; a client's therapist's practice, read with the session),
 * otherwise the instance's CRISIS_RESOURCES_TEXT, otherwise ours.
 */
export function crisisResourcesText(viewer?: { practice?: { crisisResources: string } } | null): string {
  return viewer?.practice?.crisisResources.trim() || getEnv().CRISIS_RESOURCES_TEXT?.trim() || DEFAULT_CRISIS_TEXT;
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  }
  return url;
}

/** The unpooled connection (DATABASE_DIRECT_URL), falling back to DATABASE_URL. */
export function requireDirectDatabaseUrl(): string {
  return getEnv().DATABASE_DIRECT_URL ?? requireDatabaseUrl();
}

/** Scripts run outside Next (start, tests) set variables for their children. */
export function setEnvForChildren(values: Record<string, string>): void {
  Object.assign(process.env, values);
  cached = undefined;
}

/** The environment for a tool run as a child process (pg_dump, …): this one's, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
