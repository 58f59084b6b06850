// What a browser downloads of JavaScript to show a page: every chunk the
// page's HTML names (script tags, preloads, and the client-component chunks
// listed in its server-component payload), fetched from the running
// instance and gzipped as it would be served. Chunks loaded later on demand
// (a dynamic import, a chart opened) are not part of the page's weight.
import { gzipSync } from "node:zlib";

const CHUNK = /\/_next\/static\/[^"'\s\\)]+?\.js/g;

export type TPageWeight = { path: string; status: number; chunks: number; gzipBytes: number; bytes: number };

const cache = new Map<string, { bytes: number; gzipBytes: number }>();

export async function pageScriptWeight(baseUrl: string, path: string, cookie?: string): Promise<TPageWeight> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const chunks = [...new Set(html.match(CHUNK) ?? [])];
  let bytes = 0;
  let gzipBytes = 0;
  for (const chunk of chunks) {
    let size = cache.get(chunk);
    if (!size) {
      const body = Buffer.from(await (await fetch(`${baseUrl}${chunk}`)).arrayBuffer());
      size = { bytes: body.length, gzipBytes: gzipSync(body).length };
      cache.set(chunk, size);
    }
    bytes += size.bytes;
    gzipBytes += size.gzipBytes;
  }
  return { path, status: response.status, chunks: chunks.length, gzipBytes, bytes };
}
