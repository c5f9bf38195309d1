-- Credentials and sessions. Who a user is (name, roles, schools) lives in their "users" document, replicated to
-- colleagues' devices; what proves it (password hash, token hashes) lives here and never leaves the server.
CREATE TABLE accounts (
  user_id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per signed-in device. Access and refresh tokens are stored as SHA-256 hashes; refresh tokens rotate.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES accounts (user_id),
  access_hash text NOT NULL UNIQUE,
  access_expires_at timestamptz NOT NULL,
  refresh_hash text NOT NULL UNIQUE,
  refresh_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Refresh tokens already rotated away: presenting one again means it was copied, and the session is revoked.
CREATE TABLE spent_refresh_tokens (
  refresh_hash text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id)
);

CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL
);

-- Append-only: every write, and every delivery of a confidential record.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text,
  action text NOT NULL,
  collection text,
  document_id text,
  detail jsonb
);
CREATE INDEX audit_log_document ON audit_log (collection, document_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
