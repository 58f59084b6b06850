// One topic as a Server-Sent Events stream, for a route handler to return
// AFTER it has checked that the caller may see the record behind the topic.
//
// Events carry only the topic: `change` means "refetch through the API",
// whose procedures check access again. Nothing clinical travels here.
import "server-only";
import { isLiveTopic, subscribe } from "./bus";

const HEARTBEAT_MS = 25_000;
/** How long EventSource waits before reconnecting after a drop. */
const RETRY_MS = 2_000;
/** When this instance shuts down: a little longer, so most reconnects land on another instance or a restarted one. */
const SHUTDOWN_RETRY_MS = 5_000;

// Every open stream's "end now" function, and whether this instance is
// shutting down, on globalThis: shutdown (server/shutdown.ts) is bundled apart
// from the route handlers that open them.
type TStreams = { ends: Set<() => void>; isShuttingDown: boolean };
const globalForStreams = globalThis as unknown as { allianceLiveStreams?: TStreams };

function streams(): TStreams {
  globalForStreams.allianceLiveStreams ??= { ends: new Set(), isShuttingDown: false };
  return globalForStreams.allianceLiveStreams;
}

/**
 * Ends every open stream with a retry hint, and answers every later one with
 * a 503 that closes its connection: the browser (use-live-topic.ts) comes
 * back after a pause, to another instance or to this one restarted. Without
 * this a reconnect on a kept-alive connection would hold the shutdown open.
 */
export function closeAllLiveStreams(): void {
  streams().isShuttingDown = true;
  for (const end of [...streams().ends]) end();
}

export function sseResponse(request: Request, topic: string): Response {
  // Checked here too so a bad topic fails the handler, not the stream later.
  if (!isLiveTopic(topic)) throw new Error("Invalid live topic: expected `<kind>:<uuid>`.");
  if (streams().isShuttingDown) {
    return new Response(`retry: ${SHUTDOWN_RETRY_MS}\n\n`, {
      status: 503,
      headers: { "content-type": "text/event-stream", "cache-control": "no-store", "retry-after": String(SHUTDOWN_RETRY_MS / 1000), connection: "close" },
    });
  }
  const encoder = new TextEncoder();
  let close = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The consumer is gone; stop before the next heartbeat finds out again.
          close();
        }
      };
      const unsubscribe = subscribe(topic, () => send(`event: change\ndata: ${topic}\n\n`));
      // Proxies and load balancers close connections that look idle.
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const onAbort = () => {
        close();
        try {
          controller.close();
        } catch {
          // Already closed or cancelled.
        }
      };
      const endForShutdown = () => {
        send(`retry: ${SHUTDOWN_RETRY_MS}\n\n`);
        onAbort();
      };
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams().ends.delete(endForShutdown);
        request.signal.removeEventListener("abort", onAbort);
      };
      streams().ends.add(endForShutdown);
      if (request.signal.aborted) {
        onAbort();
        return;
      }
      request.signal.addEventListener("abort", onAbort);
      // An SSE event with no data line is never dispatched, so `ready` carries the topic too.
      send(`retry: ${RETRY_MS}\nevent: ready\ndata: ${topic}\n\n`);
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's built-in gzip (the `compression` package) skips
      // such responses; gzip would otherwise hold events back in its buffer.
      "cache-control": "no-store, no-transform",
      // nginx and similar proxies: pass each event through at once.
      "x-accel-buffering": "no",
    },
  });
}
