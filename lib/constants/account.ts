// Password length limits, for forms that say them (no validation code here:
// lib/schemas/account.ts checks passwords).

export const PASSWORD_MIN_LENGTH = 8;

export const PASSWORD_MAX_LENGTH = 128;
