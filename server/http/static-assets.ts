// Next's build output under /_next/static/ (scripts and styles with
// content-hashed names, so never changing) sent brotli-compressed to a
// browser that accepts it. `next start` gzips them on every request; brotli
// at its highest quality makes the same JavaScript about 14% smaller, which
// is most of what a phone on a slow connection waits for (README,
// "Performance"). Each file is compressed once, on first request, and kept in
// memory: the build's static files are a few megabytes and never change while
// the server runs. Anything else, or a browser without brotli, goes on to Next.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";

const compress = promisify(brotliCompress);

const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** True when the request was answered here; false to let Next answer it. */
export type TStaticHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * `staticDir`: the build's `.next/static`. `headers`: sent with every answer,
 * as Next sends next.config.ts's headers with its own (the security headers).
 */
export function brotliStaticAssets(staticDir: string, headers: { key: string; value: string }[]): TStaticHandler {
  const root = path.resolve(staticDir);
  const compressed = new Map<string, Promise<Buffer | null>>();

  function compressedFile(file: string): Promise<Buffer | null> {
    let body = compressed.get(file);
    if (!body) {
      body = readFile(file).then(
        (bytes) => compress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        () => null,
      );
      compressed.set(file, body);
    }
    return body;
  }

  return async (request, response) => {
    // Every request passes here: the cheap checks first.
    if (!request.url?.startsWith(PREFIX) || (request.method !== "GET" && request.method !== "HEAD")) return false;
    if (!acceptsBrotli(request.headers["accept-encoding"])) return false;
    const pathname = safePathname(request.url);
    if (!pathname?.startsWith(PREFIX)) return false;
    const type = TYPES[path.extname(pathname)];
    if (!type) return false;
    const file = path.join(root, pathname.slice(PREFIX.length));
    // Only files inside the build's static folder.
    if (!file.startsWith(`${root}${path.sep}`)) return false;
    const body = await compressedFile(file);
    if (!body) {
      compressed.delete(file);
      return false;
    }
    for (const { key, value } of headers) response.setHeader(key, value);
    response.writeHead(200, {
      "Content-Type": type,
      "Content-Encoding": "br",
      "Content-Length": body.length,
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  };
}

/** "gzip, deflate, br, zstd" yes; "br;q=0" or no "br" no. */
function acceptsBrotli(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().split(";");
    if (coding.trim().toLowerCase() !== "br") return false;
    const quality = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/** The request's path, decoded and normalised (no `..`), or null when it can't be read. */
function safePathname(url: string | undefined): string | null {
  try {
    return path.posix.normalize(decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname));
  } catch {
    return null;
  }
}
