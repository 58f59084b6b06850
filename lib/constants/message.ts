// Limits and words for messages between sessions (issue 25), for pages and
// forms (no validation code here, so the conversation page doesn't download
// zod: lib/schemas/message.ts checks input with these).

/** The longest message: a few paragraphs, not a letter. */
export const MAX_MESSAGE_CHARS = 5000;
/** How long the author may take a message back; after that it is part of the record. */
export const MESSAGE_WITHDRAW_MINUTES = 5;
/** Messages per page of a conversation (newest first from the server, shown oldest first). */
export const MESSAGE_PAGE_SIZE = 30;
export const MAX_REPLY_TIME_CHARS = 200;
export const MAX_PAUSE_NOTICE_CHARS = 500;
/**
 * A caseload row and a client page say how many messages wait unread up to
 * this many ("2 new messages"), and "More than 20" beyond: the count rides in
 * the engagement's own statement, which reads at most one more than this.
 */
export const UNREAD_MESSAGES_COUNTED = 20;

export const MESSAGING_MODES = ["off", "reply_only", "open"] as const;
export type TMessagingMode = (typeof MESSAGING_MODES)[number];

export const MESSAGING_MODE_LABELS: Record<TMessagingMode, string> = {
  off: "Off",
  reply_only: "My client replies to my messages",
  open: "My client can write any time",
};

export const TOO_LONG_MESSAGE = `Keep a message under ${MAX_MESSAGE_CHARS.toLocaleString("en-GB")} characters.`;

/** "2 new messages", "More than 20 new messages"; null for none. */
export function unreadMessagesLabel(count: number): string | null {
  if (count <= 0) return null;
  if (count > UNREAD_MESSAGES_COUNTED) return `More than ${UNREAD_MESSAGES_COUNTED} new messages`;
  return count === 1 ? "1 new message" : `${count} new messages`;
}
