-- Indirect work (domain/indirectWork.ts) is a second record kind of staffevents, read within its school by the person
-- it is about (its staffId) and by those who see staff hours (replication/readScope.ts). A departure keeps the staffId
-- too, so a record moved to another person leaves the first one's device. The events stored before keep their shape:
-- nothing to migrate in the documents themselves.
CREATE OR REPLACE FUNCTION document_scope_facts(data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'schoolIds', data->'schoolIds',
    'authorId', data->'authorId',
    'sharedWithSupportTeam', data->'sharedWithSupportTeam',
    'commissionIds', data->'commissionIds',
    'staffId', data->'staffId'))
$$;
