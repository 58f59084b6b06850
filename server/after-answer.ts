// Work a request starts but does not wait for: whatever an answer might give
// away by what it says or by how long it takes (does this address have an
// account?) happens here, after the same answer went out for everyone
// (password reset, sign-up, an invitation's link). If the process stops in
// between, the work is lost and the person simply asks again.
//
// Logs carry the component and the error's name, code and frames, never an
// address, a link or a token (server/log.ts).
import { getLogger } from "./log";

const pending = new Set<Promise<void>>();

export function afterAnswer(component: string, work: () => Promise<void>): void {
  const running = work().catch((error: unknown) => {
    getLogger().error({ component, err: error }, "work after the answer failed");
  });
  pending.add(running);
  void running.finally(() => pending.delete(running));
}

/** For tests (and nothing else): waits until work started so far has finished. */
export async function settleAfterAnswerWork(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
