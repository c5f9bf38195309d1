-- A push now takes the sequence lock before its first write and gives each row its final seq in the statement that
-- writes it (replication/documents.ts), so the departures a write records already carry their final seq (NEW.seq):
-- nothing is left to move. The trigger that moved them after a second seq update, and its flag, go.
DROP TRIGGER documents_departures_seq ON documents;
DROP FUNCTION documents_move_departures();

CREATE OR REPLACE FUNCTION documents_record_departure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  former jsonb := document_scope_facts(OLD.data);
BEGIN
  INSERT INTO departures (collection, id, scope_key, school_id, municipality_id, data, seq)
  VALUES (OLD.collection, OLD.id,
          md5(coalesce(OLD.school_id, '') || '|' || coalesce(OLD.municipality_id, '') || '|' || former::text),
          OLD.school_id, OLD.municipality_id, former, NEW.seq)
  ON CONFLICT (collection, id, scope_key)
    DO UPDATE SET seq = EXCLUDED.seq, written_in = pg_current_xact_id();
  RETURN NULL;
END;
$$;
