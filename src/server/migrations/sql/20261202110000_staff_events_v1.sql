-- Staff events, version 1 of their schema (domain/staffEvent.ts): a first and a last day, a provider, the staff who
-- took part by directory id, and a count of others. A stored version-0 event had one day and a bare count of people:
-- the count becomes the others' and the one day both ends, exactly as the devices' own migration does
-- (db/migrations.ts staffEventToVersion1). Its seq stays: a device that already holds the event migrates its copy to
-- the same document, and one that pulls it now gets it in the new shape.
UPDATE documents
   SET data = (data - 'participants') || jsonb_build_object(
         'endDate', data->'date',
         'provider', '',
         'participantIds', '[]'::jsonb,
         'otherParticipants', coalesce(data->'participants', '0'::jsonb))
 WHERE collection = 'staffevents' AND data ? 'participants';
