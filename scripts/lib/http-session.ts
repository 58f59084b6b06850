// Signs in to a running instance over plain HTTP, as a browser's form post
// does (next-auth's CSRF token, then the credentials callback), for scripts
// and specs that measure pages without a browser.

/** Cookies from `set-cookie` headers, merged into a `cookie` header value. */
function mergeCookies(current: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair.indexOf("=");
    if (at > 0) current.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The `cookie` header of a signed-in browser for `email` on the instance at `baseUrl`. */
export async function signInOverHttp(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const cookies = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  mergeCookies(cookies, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: baseUrl, cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  mergeCookies(cookies, response);
  if (![...cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  }
  return cookieHeader(cookies);
}
