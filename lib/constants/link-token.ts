// The shape of a token in an e-mailed link (256 random bits, base64url): reset
// links, sign-up links, invitation proofs. For pages that check a link's
// shape before asking the server.
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
