// Typed application errors. Domain code throws these and never imports tRPC;
// server/api/trpc.ts maps them onto tRPC codes in one place.
export type TAppErrorCode =
  | "UNAUTHORIZED" // no session
  | "NOT_FOUND" // missing, or not yours: never reveal which
  | "FORBIDDEN" // visible but not allowed (wrong role, read-only engagement)
  | "CONFLICT" // stale version, or already exists
  | "BAD_REQUEST" // input that passed the schema but breaks a rule
  | "TOO_MANY_REQUESTS";

export type TFieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly fieldErrors?: TFieldErrors;

  constructor(code: TAppErrorCode, message: string, fieldErrors?: TFieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function notFound(what = "That"): AppError {
  return new AppError("NOT_FOUND", `${what} could not be found.`);
}

export function fieldError(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [field]: [message] });
}
