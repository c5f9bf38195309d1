-- Facts about this installation as a whole. 'demo': the demo municipality was seeded here, so its accounts share the
-- password printed in the README; devices show a "demo data" mark while it is set. Databases seeded before this
-- migration are recognised by the demo municipality.
CREATE TABLE installation (
  key text PRIMARY KEY,
  value text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO installation (key, value)
  SELECT 'demo', 'seeded' WHERE EXISTS (
    SELECT 1 FROM documents WHERE collection = 'municipalities' AND id = 'demo-muni-ezerkalni'
  );
