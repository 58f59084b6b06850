// Voice memos' sealed bytes in an S3-compatible object store (issue 24), used
// when BLOB_STORE_URL is set; the default is Postgres (blob-store-postgres.ts).
//
// One object per memo, `<prefix>voice-memos/<memoId>`: its sealed chunks one
// after another. Chunk k starts at k * sealedChunkBytes (server/voice/blob-layout.ts),
// so a range of the audio is one ranged GET of just the chunks it needs.
//
// INVARIANTS
// - Only sealed chunks reach the store: put() is given them already sealed
//   (server/voice/chunks.ts) and uploads nothing else, so the object store's
//   operator holds ciphertext only.
// - The object store is not part of the database's transaction: `db` is
//   ignored. A put whose transaction then rolls back leaves an object no memo
//   row names (sealed, and removable by id); a remove inside a transaction
//   that rolls back has still deleted the object. Callers put before the memo
//   row commits and remove after the deletion commits.
// - Checksums only where S3 requires them (DeleteObjects): since January 2025
//   the SDK adds CRC32 checksum headers to every upload by default, which
//   several S3-compatible stores reject or mishandle, and for a streamed body
//   it frames the upload as aws-chunked with a trailing checksum, which
//   s3rver (the tests' stand-in) stores as part of the object: 5,300 bytes
//   became 5,344. Integrity does not rest on it: every chunk is AES-GCM
//   authenticated, so a changed byte fails to open rather than play.
// - Path-style addressing (`<endpoint>/<bucket>/<key>`): what BLOB_STORE_URL
//   spells, and what S3-compatible stores answer (AWS still does too).
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { TBlobStore } from "./blob-store";
import { assertChunkLayout, assertMemoId, chunkCount, MissingChunksError, splitRange } from "./blob-layout";

export type TS3BlobStoreConfig = {
  /** The store's origin, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  /** Put before every key: "" or a path ending in "/". */
  prefix: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const MEMO_FOLDER = "voice-memos/";
/** DeleteObjects takes at most this many keys per request. */
const DELETE_BATCH = 1000;

export function createS3BlobStore(config: TS3BlobStoreConfig): TBlobStore {
  if (config.prefix !== "" && !config.prefix.endsWith("/")) {
    throw new Error('The object store prefix must be empty or end in "/".');
  }
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;
  const folder = `${config.prefix}${MEMO_FOLDER}`;
  const keyOf = (memoId: string) => {
    assertMemoId(memoId);
    return `${folder}${memoId}`;
  };

  return {
    kind: "object_store",

    async put(_db, memoId, chunks) {
      assertChunkLayout(memoId, chunks);
      // A Buffer, not a stream: its length is known, so the upload is one plain PUT.
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(memoId), Body: Buffer.concat(chunks), ContentType: "application/octet-stream" }),
      );
    },

    async read(_db, memoId, range) {
      const count = chunkCount(memoId, range);
      const start = range.first * range.sealedChunkBytes;
      // Past the object's end when `last` is its last chunk: S3 answers up to the end.
      const end = start + count * range.sealedChunkBytes - 1;
      let response;
      try {
        response = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(memoId), Range: `bytes=${start}-${end}` }));
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === "InvalidRange")) {
          throw new MissingChunksError(`Voice memo ${memoId}: the object store does not hold chunks ${range.first}..${range.last}.`, { cause: error });
        }
        throw error;
      }
      // A store that ignores Range answers with the whole object; cutting that up from byte 0 would hand back the wrong chunks.
      if (!response.ContentRange?.startsWith(`bytes ${start}-`)) {
        throw new Error(`Voice memo ${memoId}: the object store did not answer the byte range it was asked for.`);
      }
      if (!response.Body) throw new Error(`Voice memo ${memoId}: the object store answered without a body.`);
      const bytes = await response.Body.transformToByteArray();
      return splitRange(memoId, range, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },

    async remove(_db, memoIds) {
      const keys = [...new Set(memoIds)].map(keyOf);
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        // S3 reports a key it does not hold as deleted, so Errors is only real failures (access, throttling).
        const response = await client.send(
          new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
        const failed = response.Errors ?? [];
        if (failed.length > 0) {
          const code = failed[0].Code ?? "an unnamed error";
          throw new Error(`The object store did not delete ${failed.length} voice memo(s); the first failed with ${code}.`);
        }
      }
    },

    async count() {
      let total = 0;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: folder, ContinuationToken }));
        total += page.KeyCount ?? page.Contents?.length ?? 0;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return total;
    },
  };
}

/** AWS's own endpoints name their region: s3.eu-west-1.amazonaws.com, s3-eu-west-1.amazonaws.com. */
const AWS_REGIONAL_HOST = /^s3[.-]([a-z0-9-]+)\.amazonaws\.com$/;
/** S3's bucket naming rules, which the compatible stores share. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const EXAMPLE = "https://s3.eu-west-1.amazonaws.com/my-bucket or http://127.0.0.1:9000/my-bucket/some/prefix";

/**
 * BLOB_STORE_URL as a store's config: the origin is the endpoint, the first
 * path segment the bucket, the rest a key prefix. The region is `region`
 * (BLOB_STORE_REGION) when given, else the one an AWS endpoint names, else
 * us-east-1. Credentials never come from the URL (it ends up in logs and
 * process listings): the SDK's default chain supplies them.
 */
export function parseBlobStoreUrl(value: string, region?: string): TS3BlobStoreConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`BLOB_STORE_URL is not a URL; it should look like ${EXAMPLE}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`BLOB_STORE_URL must start with http:// or https://, like ${EXAMPLE}.`);
  }
  if (url.username || url.password) {
    throw new Error("BLOB_STORE_URL must not carry a user name or password: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead.");
  }
  if (url.search || url.hash) {
    throw new Error(`BLOB_STORE_URL takes no query string or fragment; it should look like ${EXAMPLE}.`);
  }
  let segments: string[];
  try {
    segments = url.pathname
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    throw new Error("BLOB_STORE_URL has a broken %-escape in its path.");
  }
  const [bucket, ...rest] = segments;
  if (!bucket) {
    throw new Error(`BLOB_STORE_URL names no bucket: put it after the host, like ${EXAMPLE}.`);
  }
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(
      "BLOB_STORE_URL's bucket must be 3 to 63 lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit.",
    );
  }
  return {
    endpoint: url.origin,
    bucket,
    prefix: rest.length > 0 ? `${rest.join("/")}/` : "",
    region: region || AWS_REGIONAL_HOST.exec(url.hostname)?.[1] || "us-east-1",
    forcePathStyle: true,
  };
}
