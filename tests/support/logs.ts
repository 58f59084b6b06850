// Captures the process logger's lines (server/log.ts) at every level, whatever
// LOG_LEVEL says, until stop() puts the destination and level back.
import { getLogger, setLogDestination } from "@/server/log";

export type TLogCapture = {
  /** Everything written, as written. */
  text: () => string;
  /** Each line parsed as JSON (throws on a line that is not). */
  lines: () => Record<string, unknown>[];
  stop: () => void;
};

export function captureLogs(): TLogCapture {
  const chunks: string[] = [];
  const logger = getLogger();
  const previousLevel = logger.level;
  logger.level = "trace";
  const restore = setLogDestination({ write: (chunk: string) => void chunks.push(chunk) });
  return {
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      restore();
      logger.level = previousLevel;
    },
  };
}
