-- Sign-in attempts, counted before the password check (src/server/auth/rateLimit.ts): per username on one address
-- with backoff, and ceilings per username and per address. Replaces login_failures, which counted after the check.
DROP TABLE login_failures;
CREATE TABLE sign_in_attempts (
  key text PRIMARY KEY,
  attempts integer NOT NULL,
  window_start timestamptz NOT NULL,
  blocked_until timestamptz NOT NULL
);
