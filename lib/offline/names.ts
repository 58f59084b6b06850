// The outbox's names, without its code: checking whether this device keeps
// anything costs no download (components/offline/outbox-provider.tsx).
export const OUTBOX_DB_NAME = "alliance-outbox";
export const OUTBOX_CHANNEL = "alliance-outbox";
