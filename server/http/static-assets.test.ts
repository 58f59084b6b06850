// The build's scripts and styles go out brotli-compressed to a browser that
// takes brotli, byte for byte the built file once decompressed, with the
// security headers and a year's immutable caching; everything else goes on to
// Next, and nothing outside the static folder is ever read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brotliStaticAssets } from "./static-assets";

const SCRIPT = `console.log(${JSON.stringify("a chunk ".repeat(500))});`;
let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "alliance-static-"));
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dir, "static", "chunks", "app.js"), SCRIPT);
  writeFileSync(path.join(dir, "static", "chunks", "app.css"), "body{color:red}");
  writeFileSync(path.join(dir, "secret.js"), "outside the static folder");
  const handler = brotliStaticAssets(path.join(dir, "static"), [{ key: "X-Content-Type-Options", value: "nosniff" }]);
  server = createServer((req, res) => {
    void handler(req, res).then((isAnswered) => {
      if (!isAnswered) res.writeHead(299, { "X-Answered-By": "next" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The raw answer (no automatic decompression, unlike fetch). */
function get(pathname: string, acceptEncoding: string, method = "GET"): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${pathname}`, { method, headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("brotli for the build's static files", () => {
  it("sends a script brotli-compressed, the same bytes once decompressed, smaller, cached for a year, with the given headers", async () => {
    const answer = await get("/_next/static/chunks/app.js", "gzip, deflate, br, zstd");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10);
    // Compressed once and kept: the second answer is the same bytes.
    expect((await get("/_next/static/chunks/app.js", "br")).body.equals(answer.body)).toBe(true);
  });

  it("sends styles too, and nothing but headers to HEAD", async () => {
    const css = await get("/_next/static/chunks/app.css", "br");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(brotliDecompressSync(css.body).toString()).toBe("body{color:red}");
    const head = await get("/_next/static/chunks/app.js", "br", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next a browser without brotli (or refusing it), a missing file, other paths and other file types", async () => {
    for (const [pathname, encoding] of [
      ["/_next/static/chunks/app.js", "gzip, deflate"],
      ["/_next/static/chunks/app.js", "gzip, br;q=0"],
      ["/_next/static/chunks/missing.js", "br"],
      ["/sign-in", "br"],
      ["/_next/static/chunks/app.map", "br"],
    ]) {
      const answer = await get(pathname, encoding);
      expect(answer.headers["x-answered-by"], `${pathname} with ${encoding}`).toBe("next");
    }
  });

  it("never reads outside the static folder, however the path is written", async () => {
    for (const pathname of ["/_next/static/../secret.js", "/_next/static/%2e%2e/secret.js", "/_next/static/chunks/..%2f..%2fsecret.js", "/_next/static/%2e%2e%2fsecret.js"]) {
      const answer = await get(pathname, "br");
      expect(answer.headers["content-encoding"], pathname).toBeUndefined();
      expect(answer.body.toString(), pathname).not.toContain("outside the static folder");
    }
  });
});
