-- Youth projects, version 1 of their schema (domain/youthProject.ts): competitions and applications, told apart by
-- `kind`. A stored version-0 record was a bare project with no competition; it becomes an application of none, with
-- an empty commission, exactly as the devices' own migration does (db/migrations.ts youthProjectToVersion1): months
-- from the first to the last month both counted, the grant kept only once approved, the participants count as the
-- final report's. Its seq stays, as for staff events v1.
UPDATE documents
   SET data = (data - 'title' - 'organisation' - 'status' - 'grantCents' - 'startMonth' - 'endMonth' - 'participants')
         || jsonb_build_object(
              'kind', 'application',
              'commissionIds', '[]'::jsonb,
              'application', jsonb_strip_nulls(jsonb_build_object(
                'title', data->'title',
                'organisation', data->'organisation',
                'withInitiativeGroup', false,
                'contact', '',
                'partners', '[]'::jsonb,
                'activities', '',
                'atRiskParticipants', 0,
                'startMonth', data->'startMonth',
                'months', greatest(1, least(60,
                  (split_part(data->>'endMonth', '-', 1)::int * 12 + split_part(data->>'endMonth', '-', 2)::int)
                  - (split_part(data->>'startMonth', '-', 1)::int * 12 + split_part(data->>'startMonth', '-', 2)::int)
                  + 1)),
                'documentsReceived', '[]'::jsonb,
                'scores', '[]'::jsonb,
                'status', coalesce(data->'status', '"applied"'::jsonb),
                'decisionReason', '',
                'grantCents', CASE WHEN data->>'status' IN ('approved', 'running', 'finished')
                                   THEN data->'grantCents' END,
                'progress', '[]'::jsonb,
                'report', CASE WHEN coalesce((data->>'participants')::int, 0) > 0
                               THEN jsonb_build_object('activities', '', 'participants', (data->>'participants')::int,
                                                       'atRiskParticipants', 0) END)))
 WHERE collection = 'youthprojects' AND NOT (data ? 'kind');

-- The read scope of youth projects reads an application's commission (replication/readScope.ts), so a departure
-- keeps it too: a member dropped from a commission hears of it and their device drops the applications.
CREATE OR REPLACE FUNCTION document_scope_facts(data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'schoolIds', data->'schoolIds',
    'authorId', data->'authorId',
    'sharedWithSupportTeam', data->'sharedWithSupportTeam',
    'commissionIds', data->'commissionIds'))
$$;
