// Which blob store holds new memos, and the store that holds a given one.
// A memo keeps the store it was written to (voice_memos.store), so setting or
// unsetting BLOB_STORE_URL never strands a memo written before: Postgres is
// always there; an object store is there while BLOB_STORE_URL names it.
import { getEnv } from "../env";
import type { TBlobStore, TBlobStoreKind } from "./blob-store";
import { createPostgresBlobStore } from "./blob-store-postgres";
import { createS3BlobStore, parseBlobStoreUrl } from "./blob-store-s3";

let objectStore: { url: string; store: TBlobStore } | undefined;
const postgresStore = createPostgresBlobStore();

function configuredObjectStore(): TBlobStore | null {
  const { BLOB_STORE_URL: url, BLOB_STORE_REGION: region } = getEnv();
  if (!url) return null;
  if (objectStore?.url !== url) objectStore = { url, store: createS3BlobStore(parseBlobStoreUrl(url, region)) };
  return objectStore.store;
}

/** Where a new memo goes. */
export function currentBlobStore(): TBlobStore {
  return configuredObjectStore() ?? postgresStore;
}

export function blobStoreFor(kind: TBlobStoreKind): TBlobStore {
  if (kind === "postgres") return postgresStore;
  const store = configuredObjectStore();
  if (!store) throw new Error("A voice memo is in the object store, but BLOB_STORE_URL is not set. Set it to the store the memos were written to.");
  return store;
}
