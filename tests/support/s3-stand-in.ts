// A local stand-in for an S3-compatible object store, for tests: s3rver
// (https://github.com/jamhall/s3rver) on 127.0.0.1, a free port, a fresh
// temporary directory and one bucket. It is NOT S3. What it is known to
// differ in (s3rver 3.7.1, found while writing server/voice/blob-store-s3.ts):
// - It does not check SigV4 signatures: any secret is accepted as long as
//   the access key id is S3RVER. Tests here prove nothing about credentials.
// - It stores an aws-chunked upload (the SDK's default for a streamed body
//   with checksums) with its framing as part of the object; the store
//   uploads a Buffer and asks for checksums only where S3 requires them.
// - Its ListObjectsV2 continuation tokens are DES-encrypted, which Node 17+
//   (OpenSSL 3) refuses without the legacy provider: every truncated listing
//   fails with a 500. So it runs in a child process started with
//   --openssl-legacy-provider, which lets pagination be tested at all.
//
// The helpers read the bucket from s3rver's directory (`<dir>/<bucket>/<key>._S3rver_object`
// on POSIX), not through the S3 API: an independent witness of what was stored.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/** The only access key s3rver knows; the secret is not checked. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const OBJECT_SUFFIX = "._S3rver_object";

// Runs in the child (CommonJS): start s3rver, print the port, exit when the parent closes stdin (or dies).
const CHILD = `
const [modulePath, directory, bucket] = process.argv.slice(1);
const S3rver = require(modulePath);
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
server.run().then(
  ({ port }) => process.stdout.write(JSON.stringify({ port }) + "\\n"),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

export type TS3StandIn = {
  /** A BLOB_STORE_URL value for the bucket (and the prefix, if one was asked for). */
  url: string;
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Objects in the bucket whose key starts with `prefix`. */
  countObjects(prefix?: string): Promise<number>;
  /** Every key in the bucket, sorted. */
  listKeys(): Promise<string[]>;
  readObject(key: string): Promise<Buffer>;
  stop(): Promise<void>;
};

export async function startS3StandIn(options: { bucket?: string; prefix?: string } = {}): Promise<TS3StandIn> {
  const bucket = options.bucket ?? "alliance-test";
  const directory = await mkdtemp(path.join(os.tmpdir(), "alliance-s3-stand-in-"));
  const modulePath = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", CHILD, modulePath, directory, bucket], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n")) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`The S3 stand-in exited (${code}) before it listened:\n${stderr}`)));
    child.once("error", reject);
  }).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const bucketDirectory = path.join(directory, bucket);

  async function listKeys(): Promise<string[]> {
    const files = await readdir(bucketDirectory, { recursive: true });
    return files
      .filter((file) => file.endsWith(OBJECT_SUFFIX))
      .map((file) => file.slice(0, -OBJECT_SUFFIX.length).split(path.sep).join("/"))
      .sort();
  }

  return {
    url: `${endpoint}/${bucket}${options.prefix ? `/${options.prefix.replace(/^\/+|\/+$/g, "")}` : ""}`,
    endpoint,
    bucket,
    credentials: { ...CREDENTIALS },
    async countObjects(prefix = "") {
      return (await listKeys()).filter((key) => key.startsWith(prefix)).length;
    },
    listKeys,
    readObject: (key) => readFile(path.join(bucketDirectory, ...`${key}${OBJECT_SUFFIX}`.split("/"))),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        const timeout = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timeout);
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
