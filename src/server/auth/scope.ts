import { reachOf, type Actor, type ReachDirectory, type User } from '../../domain';
import type { Queryable } from '../store/store';

export interface AuthenticatedUser extends Actor {
  user: User;
}

/**
 * The directory's version: every write of a school or municipality takes a new, greater seq (records are never
 * removed, only marked deleted), so the greatest seq of the two collections changes whenever the directory does.
 * Read from the (collection, seq) index: two index lookups, whatever the number of schools.
 */
export const DIRECTORY_VERSION = `GREATEST(
  (SELECT max(seq) FROM documents WHERE collection = 'schools'),
  (SELECT max(seq) FROM documents WHERE collection = 'municipalities'))`;

/**
 * The directory as last read per store, with its version. Every request authenticates, and reading every school of
 * the country for each one made authentication grow with the country; now it is read again only when it changed,
 * which every process sees from the version (the cache never answers with an older directory than the database's).
 */
const directories = new WeakMap<object, { version: number; directory: ReachDirectory }>();

async function directoryOf(db: Queryable, version: number): Promise<ReachDirectory> {
  const cached = directories.get(db);
  if (cached && cached.version === version) return cached.directory;
  // Removed schools reach no one; every municipality on record is there for an administrator to reach.
  const rows = await db.query<{ collection: string; id: string; municipality_id: string | null }>(
    `SELECT collection, id, municipality_id FROM documents
     WHERE (collection = 'schools' AND NOT deleted) OR collection = 'municipalities'`,
  );
  const directory: ReachDirectory = {
    schools: rows
      .filter((d) => d.collection === 'schools')
      .map((s) => ({ id: s.id, municipalityId: s.municipality_id })),
    municipalities: rows.filter((d) => d.collection === 'municipalities').map((m) => ({ id: m.id })),
  };
  // Read after the version, so at worst newer than it: then the next version read differs and reads it again.
  directories.set(db, { version, directory });
  return directory;
}

/** A user and their effective reach (domain/access/reach.ts), from their directory entry and the directory. */
export async function actorFor(db: Queryable, userId: string): Promise<AuthenticatedUser | null> {
  const [row] = await db.query<{ data: User | null; version: number | string | null }>(
    `SELECT (SELECT data FROM documents WHERE collection = 'users' AND id = $1) AS data,
            ${DIRECTORY_VERSION} AS version`,
    [userId],
  );
  if (!row?.data) return null;
  return actorOf(db, row.data, Number(row.version ?? 0));
}

/** A user's reach from their directory entry and the directory at `version` (read again only if it changed). */
export async function actorOf(db: Queryable, user: User, version: number): Promise<AuthenticatedUser> {
  return { user, ...reachOf(user, await directoryOf(db, version)) };
}
