-- Every replicated record, whatever its collection, as the JSON the devices exchange.
-- seq is assigned at the end of each writing transaction under an advisory lock, so commit order equals seq order
-- and a pull by "seq > checkpoint" can never skip a row that commits late.
CREATE SEQUENCE document_seq AS bigint;

CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  seq bigint NOT NULL,
  school_id text,
  municipality_id text,
  server_updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);

CREATE UNIQUE INDEX documents_collection_seq ON documents (collection, seq);
CREATE INDEX documents_school ON documents (collection, school_id);
