-- Former read scopes of documents: when an update changes anything the read scope depends on (a learner moved to
-- another school, a note un-shared, a directory entry's schools), the state it leaves is kept here, so the pull can
-- tell its former readers to delete it ("this document is no longer yours") instead of leaving a stale copy on
-- their devices. Only the scope facts are kept, never the content: `data` holds just the fields readScopeSql reads.
-- One row per document and former scope; seq is the sequence number of the update that left it, so a reader whose
-- checkpoint is already past it (and who therefore received that news) is not told again at every later change.
CREATE TABLE departures (
  collection text NOT NULL,
  id text NOT NULL,
  scope_key text NOT NULL,
  school_id text,
  municipality_id text,
  data jsonb NOT NULL,
  seq bigint NOT NULL,
  -- The transaction that wrote the row: the writer moves its rows to their final seq under the sequence lock, and
  -- the departures written in that transaction move with them.
  written_in xid8 NOT NULL DEFAULT pg_current_xact_id(),
  PRIMARY KEY (collection, id, scope_key)
);

-- The fields of `data` that readScopeSql reads (departureScopeFields in readScope.ts lists the same).
CREATE FUNCTION document_scope_facts(data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'schoolIds', data->'schoolIds',
    'authorId', data->'authorId',
    'sharedWithSupportTeam', data->'sharedWithSupportTeam'))
$$;

-- Keeps the state a document leaves. Runs only for updates that change a scope fact (see the trigger's WHEN), so
-- the writers' other updates (content edits, the final seq) cost nothing here.
CREATE FUNCTION documents_record_departure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  former jsonb := document_scope_facts(OLD.data);
BEGIN
  INSERT INTO departures (collection, id, scope_key, school_id, municipality_id, data, seq)
  VALUES (OLD.collection, OLD.id,
          md5(coalesce(OLD.school_id, '') || '|' || coalesce(OLD.municipality_id, '') || '|' || former::text),
          OLD.school_id, OLD.municipality_id, former, NEW.seq)
  ON CONFLICT (collection, id, scope_key)
    DO UPDATE SET seq = EXCLUDED.seq, written_in = pg_current_xact_id();
  -- Tells the seq trigger below that this transaction has departures to move.
  PERFORM set_config('atbalsts.departed', 'true', true);
  RETURN NULL;
END;
$$;

-- The writer gives each row its final seq under the sequence lock after writing it: the departures this
-- transaction wrote follow, so a pull sees a departure at the seq its document is seen at.
CREATE FUNCTION documents_move_departures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE departures SET seq = NEW.seq
   WHERE collection = OLD.collection AND id = OLD.id AND written_in = pg_current_xact_id();
  RETURN NULL;
END;
$$;

-- Schools and municipalities are read by id: what moves them changes the reader's reach, which the pull's scope
-- fingerprint already handles (the device rebuilds its copy).
CREATE TRIGGER documents_departures AFTER UPDATE ON documents
  FOR EACH ROW WHEN (
    OLD.collection NOT IN ('schools', 'municipalities') AND (
      OLD.school_id IS DISTINCT FROM NEW.school_id
      OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id
      OR (OLD.data IS DISTINCT FROM NEW.data
          AND document_scope_facts(OLD.data) IS DISTINCT FROM document_scope_facts(NEW.data))))
  EXECUTE FUNCTION documents_record_departure();

CREATE TRIGGER documents_departures_seq AFTER UPDATE OF seq ON documents
  FOR EACH ROW WHEN (OLD.seq <> NEW.seq AND current_setting('atbalsts.departed', true) = 'true')
  EXECUTE FUNCTION documents_move_departures();
