// The shape of a password-reset token in a link, for the page that checks it
// before asking the server (lib/schemas/password-reset.ts checks input with it).
export { LINK_TOKEN_PATTERN as RESET_TOKEN_PATTERN } from "./link-token";
