// Voice memo blob stores (issue 24), each against the real thing or the
// nearest we can run here: the S3 store against s3rver, a local stand-in for
// S3 (tests/support/s3-stand-in.ts says how it differs), and the Postgres
// store against the worker's database. The same round trip for both: a memo
// of five full chunks and a short last one goes in, comes back whole and in
// ranges byte for byte, and goes again.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TBlobStore } from "@/server/voice/blob-store";
import { createPostgresBlobStore } from "@/server/voice/blob-store-postgres";
import { createS3BlobStore, parseBlobStoreUrl } from "@/server/voice/blob-store-s3";
import { connectTestDb } from "@/tests/support/db";
import { startS3StandIn, type TS3StandIn } from "@/tests/support/s3-stand-in";

const db = connectTestDb();

const CHUNK = 1000;
/** Five full chunks and a short last one, as server/voice/chunks.ts would cut a memo. */
function sealedChunks(): Buffer[] {
  return [...Array.from({ length: 5 }, () => randomBytes(CHUNK)), randomBytes(300)];
}

/** The round trip both stores must pass. */
function roundTrip(store: () => TBlobStore) {
  it("gives back every chunk, the whole memo and any range of it, byte for byte", async () => {
    const memoId = randomUUID();
    const chunks = sealedChunks();
    await store().put(db, memoId, chunks);

    expect(await store().read(db, memoId, { first: 0, last: 5, sealedChunkBytes: CHUNK })).toEqual(chunks);
    expect(await store().read(db, memoId, { first: 2, last: 3, sealedChunkBytes: CHUNK })).toEqual(chunks.slice(2, 4));
    expect(await store().read(db, memoId, { first: 4, last: 5, sealedChunkBytes: CHUNK })).toEqual(chunks.slice(4));
    const [last] = await store().read(db, memoId, { first: 5, last: 5, sealedChunkBytes: CHUNK });
    expect(last.length).toBe(300);
    expect(last.equals(chunks[5])).toBe(true);
  });

  it("refuses a range it does not hold whole, and a memo it does not hold, rather than return less", async () => {
    const memoId = randomUUID();
    await store().put(db, memoId, sealedChunks());
    await expect(store().read(db, memoId, { first: 4, last: 6, sealedChunkBytes: CHUNK })).rejects.toThrow(/does not hold chunks 4..6/);
    await expect(store().read(db, memoId, { first: 6, last: 7, sealedChunkBytes: CHUNK })).rejects.toThrow(/does not hold chunks 6..7/);
    await expect(store().read(db, randomUUID(), { first: 0, last: 0, sealedChunkBytes: CHUNK })).rejects.toThrow(/does not hold chunks 0..0/);
  });

  it("refuses chunks that could not be read back by position, and ids that are not UUIDs", async () => {
    const [a, b, c] = sealedChunks();
    await expect(store().put(db, randomUUID(), [a, b.subarray(0, 999), c])).rejects.toThrow(/chunk 1 is 999 bytes/);
    await expect(store().put(db, randomUUID(), [a, Buffer.concat([b, c])])).rejects.toThrow(/chunk 1 is 2000 bytes/);
    await expect(store().put(db, randomUUID(), [])).rejects.toThrow(/no chunks/);
    await expect(store().put(db, "../other-memo", [a])).rejects.toThrow(/UUID/);
    await expect(store().remove(db, ["not-a-uuid"])).rejects.toThrow(/UUID/);
  });

  it("removes the memos it is given, ignores ids it does not hold, and counts memos, not chunks", async () => {
    const before = await store().count(db);
    const [kept, goneA, goneB] = [randomUUID(), randomUUID(), randomUUID()];
    for (const memoId of [kept, goneA, goneB]) await store().put(db, memoId, sealedChunks());
    expect(await store().count(db)).toBe(before + 3);

    await store().remove(db, [goneA, goneB, randomUUID(), goneA]);
    expect(await store().count(db)).toBe(before + 1);
    await expect(store().read(db, goneA, { first: 0, last: 0, sealedChunkBytes: CHUNK })).rejects.toThrow(/does not hold/);
    expect(await store().read(db, kept, { first: 0, last: 5, sealedChunkBytes: CHUNK })).toHaveLength(6);

    await store().remove(db, []);
    expect(await store().count(db)).toBe(before + 1);
  });
}

describe("the S3 blob store, against s3rver (a local stand-in, not S3)", () => {
  let standIn: TS3StandIn;
  let store: TBlobStore;

  beforeAll(async () => {
    standIn = await startS3StandIn({ prefix: "practice-7/alliance" });
    store = createS3BlobStore({ ...parseBlobStoreUrl(standIn.url), credentials: standIn.credentials });
  });
  afterAll(async () => {
    await standIn?.stop();
  });

  roundTrip(() => store);

  it("keeps one object per memo under <prefix>voice-memos/, holding exactly the sealed chunks, one after another", async () => {
    const memoId = randomUUID();
    const chunks = sealedChunks();
    await store.put(db, memoId, chunks);
    const key = `practice-7/alliance/voice-memos/${memoId}`;
    expect(await standIn.listKeys()).toContain(key);
    // No checksum framing or anything else around the bytes (the SDK's default for a stream would add some).
    expect((await standIn.readObject(key)).equals(Buffer.concat(chunks))).toBe(true);
    expect(await standIn.countObjects("voice-memos/")).toBe(0);
  });

  it("counts and removes past one page and one DeleteObjects batch (1,000 keys each)", async () => {
    const before = await store.count(db);
    const memoIds = Array.from({ length: 1001 }, () => randomUUID());
    const tiny = [Buffer.from([1])];
    for (let start = 0; start < memoIds.length; start += 50) {
      await Promise.all(memoIds.slice(start, start + 50).map((memoId) => store.put(db, memoId, tiny)));
    }
    expect(await standIn.countObjects("practice-7/alliance/voice-memos/")).toBe(before + 1001);
    expect(await store.count(db)).toBe(before + 1001);

    await store.remove(db, memoIds);
    expect(await standIn.countObjects("practice-7/alliance/voice-memos/")).toBe(before);
    expect(await store.count(db)).toBe(before);
  }, 120_000);
});

describe("parseBlobStoreUrl", () => {
  it("takes the origin as the endpoint, the first path segment as the bucket and the rest as a prefix", () => {
    expect(parseBlobStoreUrl("https://s3.eu-west-1.amazonaws.com/my-bucket/optional/prefix")).toEqual({
      endpoint: "https://s3.eu-west-1.amazonaws.com",
      bucket: "my-bucket",
      prefix: "optional/prefix/",
      region: "eu-west-1",
      forcePathStyle: true,
    });
    expect(parseBlobStoreUrl("http://127.0.0.1:9000/alliance")).toEqual({
      endpoint: "http://127.0.0.1:9000",
      bucket: "alliance",
      prefix: "",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(parseBlobStoreUrl("http://minio.internal:9000/alliance/", "eu-central-1")).toMatchObject({ prefix: "", region: "eu-central-1" });
    expect(parseBlobStoreUrl("https://s3.eu-west-1.amazonaws.com/b-1/a//b/", "")).toMatchObject({ prefix: "a/b/", region: "eu-west-1" });
    expect(parseBlobStoreUrl("https://s3.amazonaws.com/my-bucket").region).toBe("us-east-1");
    expect(parseBlobStoreUrl("https://s3.eu-west-1.amazonaws.com/my-bucket", "eu-north-1").region).toBe("eu-north-1");
    // No credentials in the config: the SDK's default chain supplies them.
    expect(parseBlobStoreUrl("http://127.0.0.1:9000/alliance")).not.toHaveProperty("credentials");
  });

  it("refuses a malformed value with a sentence naming BLOB_STORE_URL, without repeating it", () => {
    const cases: [string, RegExp][] = [
      ["", /BLOB_STORE_URL is not a URL/],
      ["s3.eu-west-1.amazonaws.com/my-bucket", /BLOB_STORE_URL is not a URL/],
      ["s3://my-bucket/prefix", /BLOB_STORE_URL must start with http:\/\/ or https:\/\//],
      ["ftp://127.0.0.1/alliance", /BLOB_STORE_URL must start with http:\/\/ or https:\/\//],
      ["http://127.0.0.1:9000", /BLOB_STORE_URL names no bucket/],
      ["http://127.0.0.1:9000/", /BLOB_STORE_URL names no bucket/],
      ["http://AKIA:hunter2@127.0.0.1:9000/alliance", /BLOB_STORE_URL must not carry a user name or password/],
      ["http://127.0.0.1:9000/alliance?region=eu", /BLOB_STORE_URL takes no query string/],
      ["http://127.0.0.1:9000/Alliance_Memos", /BLOB_STORE_URL's bucket must be/],
      ["http://127.0.0.1:9000/alliance/%zz", /BLOB_STORE_URL has a broken %-escape/],
    ];
    for (const [value, message] of cases) {
      let thrown: unknown;
      try {
        parseBlobStoreUrl(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, value).toBeInstanceOf(Error);
      expect((thrown as Error).message, value).toMatch(message);
      expect((thrown as Error).message).not.toContain("hunter2");
    }
  });
});

describe("the Postgres blob store (voice_memo_chunks)", () => {
  const store = createPostgresBlobStore();
  // The store's own contract is about chunks alone, so these tests write
  // chunks for made-up memo ids: the foreign key to voice_memos is lifted
  // for this file (a worker runs its files one at a time) and put back, with
  // the made-up chunks gone, afterwards. tests/integration/voice-memos.test.ts
  // runs the store under real memos.
  beforeAll(async () => {
    await db.$executeRaw`ALTER TABLE voice_memo_chunks DROP CONSTRAINT voice_memo_chunks_memo_id_fkey`;
  });
  afterAll(async () => {
    await db.$executeRaw`DELETE FROM voice_memo_chunks c WHERE NOT EXISTS (SELECT 1 FROM voice_memos m WHERE m.id = c.memo_id)`;
    await db.$executeRaw`
      ALTER TABLE voice_memo_chunks ADD CONSTRAINT voice_memo_chunks_memo_id_fkey
        FOREIGN KEY (memo_id) REFERENCES voice_memos(id) ON DELETE CASCADE ON UPDATE CASCADE`;
  });

  roundTrip(() => store);

  it("stores one row per chunk, so a read with the wrong chunk size is refused rather than cut wrongly", async () => {
    const memoId = randomUUID();
    await store.put(db, memoId, sealedChunks());
    const rows = await db.$queryRaw<{ idx: number; bytes: number }[]>`
      SELECT idx, length(data) AS bytes FROM voice_memo_chunks WHERE memo_id = ${memoId}::uuid ORDER BY idx`;
    expect(rows).toEqual([0, 1, 2, 3, 4, 5].map((idx) => ({ idx, bytes: idx === 5 ? 300 : CHUNK })));
    // (The object store holds one run of bytes and cannot tell; there, opening the misaligned chunks fails.)
    await expect(store.read(db, memoId, { first: 0, last: 1, sealedChunkBytes: 800 })).rejects.toThrow(/whole/);
  });

  it("writes a memo bigger than one INSERT's batch all or none, in the caller's transaction or its own", async () => {
    // 40 chunks of 64 KiB: 2.5 MiB, three batches. Compared as one run of bytes: toEqual walks a Buffer byte by byte.
    const big = Array.from({ length: 40 }, () => randomBytes(64 * 1024));
    const range = { first: 0, last: 39, sealedChunkBytes: 64 * 1024 };
    const joined = async (memoId: string, first = 0, last = 39) =>
      Buffer.concat(await store.read(db, memoId, { ...range, first, last }));

    const own = randomUUID();
    await store.put(db, own, big);
    expect((await joined(own)).equals(Buffer.concat(big))).toBe(true);

    const inTransaction = randomUUID();
    await db.$transaction((tx) => store.put(tx, inTransaction, big));
    expect((await joined(inTransaction, 17, 18)).equals(Buffer.concat(big.slice(17, 19)))).toBe(true);

    // A later batch fails (chunk 20 is already there): the first batch does not stay behind.
    const clash = randomUUID();
    await db.$executeRaw`INSERT INTO voice_memo_chunks (memo_id, idx, data) VALUES (${clash}::uuid, 20, ${big[20]})`;
    await expect(store.put(db, clash, big)).rejects.toThrow();
    expect(await db.$queryRaw`SELECT idx FROM voice_memo_chunks WHERE memo_id = ${clash}::uuid`).toEqual([{ idx: 20 }]);

    // The caller's transaction rolls back: none of the memo's chunks stay.
    const rolledBack = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await store.put(tx, rolledBack, big);
        throw new Error("the memo row failed");
      }),
    ).rejects.toThrow("the memo row failed");
    expect(await db.$queryRaw`SELECT idx FROM voice_memo_chunks WHERE memo_id = ${rolledBack}::uuid`).toEqual([]);
  });
});
