// Live updates across app instances: Postgres LISTEN/NOTIFY on one channel.
//
// publish() sends a NOTIFY from any Prisma client or transaction; every app
// instance holds ONE dedicated listening connection (not from Prisma's pool:
// a pooled connection is handed to other queries and would lose its LISTEN)
// and dispatches each notification to the in-process subscribers of its topic.
//
// INVARIANTS
// - The payload is only a topic such as `session:<uuid>`: never clinical
//   text. NOTIFY payloads are visible to every connection listening on the
//   channel and can end up in server logs; subscribers re-read through their
//   own access-checked queries.
// - A notification means "something changed, refetch", nothing more. Events
//   can be missed while the listening connection is down, so after every
//   reconnect each subscriber is called once to catch up.
// - Logs name no topic or payload, only connection state.
import { Client, type Notification } from "pg";
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireDirectDatabaseUrl } from "../env";
import { getLogger } from "../log";

const CHANNEL = "alliance_live";
/** Shows up in pg_stat_activity, so operators (and tests) can find the listener. */
export const LIVE_APPLICATION_NAME = "alliance-live";
const TOPIC_PATTERN = /^[a-z]+:[0-9a-f-]{36}$/;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
// A half-open TCP connection delivers nothing and reports nothing, so the
// listener pings; a ping that fails or hangs counts as a dropped connection.
const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

type TListener = () => void;

type TBusState = {
  listeners: Map<string, Set<TListener>>;
  /** The connection in use or being opened; null while idle or waiting to retry. */
  client: Client | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  pingTimer: ReturnType<typeof setInterval> | null;
  failedAttempts: number;
  /** Set when a connection dropped while subscribers were waiting: they may have missed events. */
  needsCatchUp: boolean;
};

// On globalThis: Next's dev server reloads modules, and a second copy of this
// state would open a second listener and strand the first one's subscribers.
const globalForLive = globalThis as unknown as { allianceLiveBus?: TBusState };

function state(): TBusState {
  globalForLive.allianceLiveBus ??= {
    listeners: new Map(),
    client: null,
    retryTimer: null,
    pingTimer: null,
    failedAttempts: 0,
    needsCatchUp: false,
  };
  return globalForLive.allianceLiveBus;
}

export function isLiveTopic(topic: string): boolean {
  return TOPIC_PATTERN.test(topic);
}

function assertLiveTopic(topic: string): void {
  // Thrown before anything reaches Postgres; the message quotes no input.
  if (!isLiveTopic(topic)) throw new Error("Invalid live topic: expected `<kind>:<uuid>`.");
}

/**
 * Tells every app instance that `topic` changed. Works on the client or
 * inside a transaction: Postgres holds a NOTIFY sent inside a transaction
 * until COMMIT and drops it on ROLLBACK, so subscribers never refetch a
 * change that did not happen, nor before it is visible to them.
 */
export async function publish(db: TDb | Prisma.TransactionClient, topic: string): Promise<void> {
  assertLiveTopic(topic);
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${topic})`;
}

/** publish() for several topics in one statement (a therapist's pause reaches every open conversation). */
export async function publishAll(db: TDb | Prisma.TransactionClient, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  topics.forEach(assertLiveTopic);
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, topic) FROM unnest(${[...topics]}::text[]) AS topic`;
}

/**
 * Calls `onEvent` whenever `topic` is published (from any instance), and once
 * after the listening connection recovers from a drop. Returns the
 * unsubscribe function; it is idempotent.
 */
export function subscribe(topic: string, onEvent: () => void): () => void {
  assertLiveTopic(topic);
  const bus = state();
  const needsConnection = !bus.client && !bus.retryTimer;
  // Fail loudly, before registering, if there is no database to listen on.
  if (needsConnection) requireDirectDatabaseUrl();
  // A wrapper per call, so subscribing the same function twice needs two unsubscribes.
  const listener: TListener = () => onEvent();
  let listeners = bus.listeners.get(topic);
  if (!listeners) {
    listeners = new Set();
    bus.listeners.set(topic, listeners);
  }
  listeners.add(listener);
  if (needsConnection) void connect();

  let active = true;
  return () => {
    if (!active) return;
    active = false;
    const current = bus.listeners.get(topic);
    current?.delete(listener);
    if (current?.size === 0) bus.listeners.delete(topic);
    if (bus.listeners.size === 0) stop();
  };
}

function dispatch(topic: string): void {
  const listeners = state().listeners.get(topic);
  if (!listeners) return;
  for (const listener of [...listeners]) callSafely(listener);
}

function dispatchAll(): void {
  for (const listeners of [...state().listeners.values()]) {
    for (const listener of [...listeners]) callSafely(listener);
  }
}

function callSafely(listener: TListener): void {
  try {
    listener();
  } catch (error) {
    // One broken subscriber must not starve the others. The logger keeps the
    // error's name, code and frames, never its message (which could quote data).
    getLogger().error({ component: "live", err: error }, "subscriber failed");
  }
}

async function connect(): Promise<void> {
  const bus = state();
  const client = new Client({
    // Never through a transaction-mode pooler: it would hand this LISTEN's
    // server connection to other clients between statements.
    connectionString: requireDirectDatabaseUrl(),
    application_name: LIVE_APPLICATION_NAME,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  bus.client = client;

  // Without an 'error' listener a dropped socket would crash the process.
  client.on("error", (error: Error & { code?: string }) => dropped(client, error));
  client.on("end", () => dropped(client));
  client.on("notification", (message: Notification) => {
    // A replaced client may still flush buffered messages; only the current one counts.
    if (bus.client !== client || message.channel !== CHANNEL || !message.payload) return;
    dispatch(message.payload);
  });

  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (error) {
    dropped(client, error as Error & { code?: string });
    return;
  }
  // stop() or a drop may have replaced this client while it was connecting.
  if (bus.client !== client) {
    void client.end().catch(() => undefined);
    return;
  }
  if (bus.failedAttempts > 0) getLogger().info({ component: "live" }, "listener reconnected");
  bus.failedAttempts = 0;
  startPinging(client);
  if (bus.needsCatchUp) {
    bus.needsCatchUp = false;
    dispatchAll();
  }
}

/** Idempotent per client: the first of 'error', 'end' or a failed ping wins. */
function dropped(client: Client, error?: Error & { code?: string }): void {
  const bus = state();
  if (bus.client !== client) return;
  bus.client = null;
  stopPinging();
  void client.end().catch(() => undefined);
  if (bus.listeners.size === 0) return;
  bus.needsCatchUp = true;
  const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** bus.failedAttempts);
  bus.failedAttempts += 1;
  getLogger().warn({ component: "live", err: error, retryInMs: delay }, "listener connection lost; retrying");
  // Jitter, so instances that lost Postgres together do not return in lockstep.
  bus.retryTimer = setTimeout(
    () => {
      bus.retryTimer = null;
      if (bus.listeners.size > 0 && !bus.client) void connect();
    },
    delay * (0.75 + Math.random() * 0.5),
  );
  // Open streams keep the server alive; a pending retry alone should not.
  bus.retryTimer.unref?.();
}

function startPinging(client: Client): void {
  const bus = state();
  stopPinging();
  bus.pingTimer = setInterval(() => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(Object.assign(new Error("ping timed out"), { code: "PING_TIMEOUT" })), PING_TIMEOUT_MS);
    });
    Promise.race([client.query("SELECT 1"), timedOut])
      .catch((error: Error & { code?: string }) => dropped(client, error))
      .finally(() => clearTimeout(timeout));
  }, PING_EVERY_MS);
  bus.pingTimer.unref?.();
}

function stopPinging(): void {
  const bus = state();
  if (bus.pingTimer) clearInterval(bus.pingTimer);
  bus.pingTimer = null;
}

/** The last subscriber left: close the connection and forget any pending retry. */
function stop(): void {
  const bus = state();
  if (bus.retryTimer) clearTimeout(bus.retryTimer);
  bus.retryTimer = null;
  stopPinging();
  const client = bus.client;
  bus.client = null;
  bus.failedAttempts = 0;
  bus.needsCatchUp = false;
  if (client) void client.end().catch(() => undefined);
}
