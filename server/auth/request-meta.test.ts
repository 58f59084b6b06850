import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, resolveClientAddress } from "./request-meta";

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.4", undefined, 0)).toBe("198.51.100.4");
    expect(resolveClientAddress("198.51.100.4", "203.0.113.9", 0)).toBe("198.51.100.4");
    expect(resolveClientAddress("::ffff:198.51.100.4", ["1.2.3.4, 5.6.7.8"], 0)).toBe("198.51.100.4");
  });

  it("with trusted proxies, is the entry the outermost one wrote; what the client wrote further left is ignored", () => {
    // client → proxy (10.0.0.2) → app: the proxy appends the client it saw.
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.9"], 1)).toBe("203.0.113.9");
    // client → CDN → load balancer (10.0.0.3) → app
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 172.16.0.5", 2)).toBe("203.0.113.9");
  });

  it("never ends up with something that is not an address", () => {
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    // Fewer entries than trusted hops: the request bypassed a proxy; the leftmost entry is all there is.
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("is read only from the header the app's server sets, never from X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "<script>" }))).toBe("unknown");
  });
});
