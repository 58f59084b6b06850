// The live bus against a real Postgres: NOTIFY fan-out by topic, across
// connections ("instances"), only on commit, surviving a killed listener
// connection, and as an SSE stream that lets go when the browser leaves.
import { randomUUID } from "node:crypto";
import { Client, type Notification } from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireDatabaseUrl } from "@/server/env";
import { LIVE_APPLICATION_NAME, publish, subscribe } from "@/server/live/bus";
import { sseResponse } from "@/server/live/sse";
import { connectTestDb } from "../support/db";
import { captureLogs } from "../support/logs";

const db = connectTestDb();
const WAIT = { timeout: 5_000, interval: 25 };

function newTopic(kind = "session"): string {
  return `${kind}:${randomUUID()}`;
}

/** A subscription that counts its calls. */
function counter(topic: string) {
  const state = { topic, calls: 0, unsubscribe: () => {} };
  state.unsubscribe = subscribe(topic, () => {
    state.calls += 1;
  });
  return state;
}

/**
 * subscribe() opens the listener lazily, so a publish right after it could
 * land before LISTEN runs. Publishing a probe until it comes back proves the
 * listener is up. Call it only while another subscription is open, or
 * unsubscribing the probe would close the connection again.
 */
async function listenerReady(): Promise<void> {
  const probe = counter(newTopic("probe"));
  try {
    await vi.waitFor(async () => {
      await publish(db, probe.topic);
      expect(probe.calls).toBeGreaterThan(0);
    }, WAIT);
  } finally {
    probe.unsubscribe();
  }
}

/** Backend pids of this process's bus listener, in this worker's database only. */
async function listenerPids(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE application_name = ${LIVE_APPLICATION_NAME} AND datname = current_database()`;
  return rows.map((row) => row.pid);
}

afterEach(async () => {
  // Every test unsubscribes everything, so the bus must have closed its connection.
  await vi.waitFor(async () => expect(await listenerPids()).toEqual([]), WAIT);
});

describe("live bus", () => {
  it("calls the subscribers of the published topic and no others", async () => {
    const topic = newTopic();
    const mine = counter(topic);
    const other = counter(newTopic());
    try {
      await listenerReady();
      await publish(db, topic);
      await vi.waitFor(() => expect(mine.calls).toBe(1), WAIT);
      // Notifications arrive in order: once a later one is through, an earlier stray would be too.
      await listenerReady();
      expect(mine.calls).toBe(1);
      expect(other.calls).toBe(0);
    } finally {
      mine.unsubscribe();
      other.unsubscribe();
    }
  });

  it("refuses topics that could carry anything but a kind and an id", async () => {
    await expect(publish(db, "session:Feeling low today")).rejects.toThrow(/Invalid live topic/);
    expect(() => subscribe("session", () => {})).toThrow(/Invalid live topic/);
    expect(await listenerPids()).toEqual([]);
  });

  it("reaches every instance listening, each through its own connection", async () => {
    const topic = newTopic();
    const local = counter(topic);
    // A second app instance, as Postgres sees it: another connection that LISTENs.
    const otherInstance = new Client({ connectionString: requireDatabaseUrl() });
    const received: string[] = [];
    otherInstance.on("notification", (message: Notification) => {
      if (message.channel === "alliance_live" && message.payload) received.push(message.payload);
    });
    try {
      await otherInstance.connect();
      await otherInstance.query("LISTEN alliance_live");
      await listenerReady();
      await publish(db, topic);
      await vi.waitFor(() => {
        expect(local.calls).toBe(1);
        expect(received).toContain(topic);
      }, WAIT);
    } finally {
      local.unsubscribe();
      await otherInstance.end();
    }
  });

  it("delivers a notification sent in a transaction only when it commits", async () => {
    const rolledBack = counter(newTopic());
    const committed = counter(newTopic());
    try {
      await listenerReady();
      await expect(
        db.$transaction(async (tx) => {
          await publish(tx, rolledBack.topic);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      await db.$transaction(async (tx) => {
        await publish(tx, committed.topic);
        // Held until COMMIT, so nothing has arrived while the transaction is open.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(committed.calls).toBe(0);
      });
      await vi.waitFor(() => expect(committed.calls).toBe(1), WAIT);
      // The rolled-back NOTIFY was issued first; had it been sent, it would be here by now.
      expect(rolledBack.calls).toBe(0);
    } finally {
      rolledBack.unsubscribe();
      committed.unsubscribe();
    }
  });

  it("reconnects after the listener connection is killed, calls every subscriber to catch up, and keeps delivering", async () => {
    const logs = captureLogs();
    const topic = newTopic();
    const first = counter(topic);
    const second = counter(newTopic());
    try {
      await listenerReady();
      const [killed] = await listenerPids();
      expect(killed).toBeTypeOf("number");
      await db.$queryRaw`SELECT pg_terminate_backend(${killed}::int)`;

      // Catch-up: each subscriber is called once, with nothing published.
      await vi.waitFor(() => {
        expect(first.calls).toBe(1);
        expect(second.calls).toBe(1);
      }, WAIT);
      const [replacement] = await listenerPids();
      expect(replacement).toBeTypeOf("number");
      expect(replacement).not.toBe(killed);

      await publish(db, topic);
      await vi.waitFor(() => expect(first.calls).toBe(2), WAIT);
      expect(second.calls).toBe(1);
      // The log says the connection dropped, and names no topic.
      expect(logs.lines().some((line) => line.level === "warn" && line.component === "live")).toBe(true);
      expect(logs.text()).not.toContain(topic.slice("session:".length));
    } finally {
      first.unsubscribe();
      second.unsubscribe();
      logs.stop();
    }
  });
});

describe("sseResponse", () => {
  const decoder = new TextDecoder();

  /** Reads the stream until `text` has been seen; fails after a timeout. */
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: { text: string }, text: string) {
    const deadline = Date.now() + WAIT.timeout;
    while (!seen.text.includes(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${JSON.stringify(text)} in ${JSON.stringify(seen.text)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(text)}`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error(`stream ended before ${JSON.stringify(text)}`);
      seen.text += decoder.decode(chunk.value, { stream: true });
    }
  }

  it("streams ready, then a change per publish, and unsubscribes when the request is aborted", async () => {
    const topic = newTopic();
    const browser = new AbortController();
    const request = new Request(`http://localhost/api/live/sessions/${topic.slice("session:".length)}`, {
      signal: browser.signal,
    });
    const response = sseResponse(request, topic);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("x-accel-buffering")).toBe("no");

    const reader = response.body!.getReader();
    const seen = { text: "" };
    await readUntil(reader, seen, `event: ready\ndata: ${topic}\n\n`);
    await listenerReady();
    expect(seen.text).not.toContain("event: change");

    await publish(db, topic);
    await readUntil(reader, seen, `event: change\ndata: ${topic}\n\n`);

    browser.abort();
    // The stream ends, and its subscription was the bus's last: the connection closes.
    await expect(reader.read()).resolves.toMatchObject({ done: true });
    await vi.waitFor(async () => expect(await listenerPids()).toEqual([]), WAIT);
  });

  it("unsubscribes when the reader cancels the stream", async () => {
    const response = sseResponse(new Request("http://localhost/live"), newTopic());
    const reader = response.body!.getReader();
    await readUntil(reader, { text: "" }, "event: ready");
    await vi.waitFor(async () => expect(await listenerPids()).toHaveLength(1), WAIT);
    await reader.cancel();
    await vi.waitFor(async () => expect(await listenerPids()).toEqual([]), WAIT);
  });
});
