-- Plans, version 2 of their schema (domain/plan.ts): a plan records the programme profile it was made under
-- (`profileId`). Every plan stored before was made under PuMPuRS 2017, the only profile there was, and now says so,
-- exactly as the devices' own migration does (db/migrations.ts planToVersion2). Its seq stays: a device that holds the
-- plan migrates its copy to the same document. Programme profiles themselves are documents of the new `profiles`
-- collection, which needs no table of its own.
UPDATE documents
   SET data = data || jsonb_build_object('profileId', 'pumpurs_2017')
 WHERE collection = 'plans' AND NOT (data ? 'profileId');
