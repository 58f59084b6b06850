// IANA time zones. Validation uses Intl, which knows every zone the runtime
// can format, so a stored zone is always one we can display in.
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export function listTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
