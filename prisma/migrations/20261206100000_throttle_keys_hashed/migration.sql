-- Throttle keys now hold a keyed hash of the e-mail or network address
-- (server/auth/throttle.ts), never the address itself. Counters written
-- before this held addresses in the clear and would never be read again:
-- drop them (they are 15-minute to one-day counters; guessing starts over
-- at the new limits, nothing else is lost). Known-device and per-person
-- keys (device:, reauth:, totp:) hold no address and stay.
DELETE FROM "auth_throttles"
WHERE "key" NOT LIKE 'device:%' AND "key" NOT LIKE 'reauth:%' AND "key" NOT LIKE 'totp:%';
