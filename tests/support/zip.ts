// Reads a ZIP archive the way an unzipping program does (yauzl, from the
// central directory), for the tests of the client's export archive: each
// entry's bytes and whether it is stored uncompressed. Refuses an archive a
// person's unzip tool would choke on: a malformed one, a name given twice, an
// entry whose bytes don't match its CRC-32.
import { crc32 } from "node:zlib";
import { buffer } from "node:stream/consumers";
import yauzl from "yauzl";

export type TZipEntry = { bytes: Buffer; isStored: boolean };

export async function readZip(zip: Buffer): Promise<Map<string, TZipEntry>> {
  const archive = await yauzl.fromBufferPromise(zip, { strictFileNames: true, validateEntrySizes: true });
  const entries = new Map<string, TZipEntry>();
  for await (const entry of archive.eachEntry()) {
    if (entries.has(entry.fileName)) throw new Error(`${entry.fileName} is in the archive twice.`);
    const bytes = await buffer(await archive.openReadStreamPromise(entry));
    if (crc32(bytes) !== entry.crc32) throw new Error(`${entry.fileName}: its bytes don't match its CRC-32.`);
    entries.set(entry.fileName, { bytes, isStored: entry.compressionMethod === 0 });
  }
  return entries;
}

/** A download's body, read whole, as an archive. */
export async function readZipBody(body: Response | ReadableStream<Uint8Array>): Promise<Map<string, TZipEntry>> {
  const response = body instanceof Response ? body : new Response(body);
  return readZip(Buffer.from(await response.arrayBuffer()));
}
