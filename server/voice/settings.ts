// The voice memo setting pages pass to the recorder (and the server enforces).
import { getEnv } from "../env";

export function maxMemoSeconds(): number {
  return getEnv().VOICE_MEMO_MAX_SECONDS;
}
