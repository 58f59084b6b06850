// The shape of a password-reset token in a link (256 random bits, base64url),
// for the page that checks it before asking the server (no validation code
// here: lib/schemas/password-reset.ts checks input with it).
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
