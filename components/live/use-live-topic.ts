"use client";

// Follows one live topic over Server-Sent Events (server/live/sse.ts) and
// calls `onChange` whenever the other side changed it. `onChange` should only
// refetch (e.g. invalidate queries): events say "something changed", never what.
import { useEffect, useRef, useState } from "react";

export type TLiveStatus = "connecting" | "live" | "offline";

// EventSource retries network drops by itself, but gives up for good when the
// server answers with an error status (a restart mid-deploy, a 503). Then we
// open a new one, backing off so a real outage is not hammered.
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/**
 * `url` is a same-origin SSE endpoint; `onChange` may change on every render
 * without reconnecting. After the connection comes back from a drop,
 * `onChange` runs once to catch up on whatever changed meanwhile.
 */
export function useLiveTopic(url: string, onChange: () => void): { status: TLiveStatus } {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // Keyed by url so a new url reads "connecting" without a setState in the effect.
  const [state, setState] = useState<{ url: string; status: TLiveStatus }>({ url, status: "connecting" });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    // True once a drop may have hidden changes from us; cleared by the catch-up.
    let missedChanges = false;
    const setStatus = (status: TLiveStatus) => setState({ url, status });

    const onOpen = () => setStatus("live");
    // `ready` is sent after the server subscribed, so a refetch from here on
    // cannot miss a change that the stream would not also report.
    const onReady = () => {
      failures = 0;
      setStatus("live");
      if (missedChanges) {
        missedChanges = false;
        onChangeRef.current();
      }
    };
    const onChangeEvent = () => onChangeRef.current();
    const onError = () => {
      missedChanges = true;
      setStatus("offline");
      if (source?.readyState !== EventSource.CLOSED) return; // EventSource is retrying itself.
      close();
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(open, delay);
    };

    function open() {
      source = new EventSource(url);
      source.addEventListener("open", onOpen);
      source.addEventListener("ready", onReady);
      source.addEventListener("change", onChangeEvent);
      source.addEventListener("error", onError);
    }

    function close() {
      if (!source) return;
      source.removeEventListener("open", onOpen);
      source.removeEventListener("ready", onReady);
      source.removeEventListener("change", onChangeEvent);
      source.removeEventListener("error", onError);
      source.close();
      source = null;
    }

    open();
    return () => {
      clearTimeout(retryTimer);
      close();
    };
  }, [url]);

  return { status: state.url === url ? state.status : "connecting" };
}
