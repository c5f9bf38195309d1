import { reachOf, type Actor, type User } from '../../domain';
import type { Queryable } from '../store/store';

export interface AuthenticatedUser extends Actor {
  user: User;
}

/** A user and their effective reach (domain/access/reach.ts), from their directory entry and the directory. */
export async function actorFor(db: Queryable, userId: string): Promise<AuthenticatedUser | null> {
  const [row] = await db.query<{ data: User }>(`SELECT data FROM documents WHERE collection = 'users' AND id = $1`, [
    userId,
  ]);
  if (!row) return null;
  const user = row.data;
  // Removed schools reach no one; every municipality on record is there for an administrator to reach.
  const directory = await db.query<{ collection: string; id: string; municipality_id: string | null }>(
    `SELECT collection, id, municipality_id FROM documents
     WHERE (collection = 'schools' AND NOT deleted) OR collection = 'municipalities'`,
  );
  const reach = reachOf(user, {
    schools: directory
      .filter((d) => d.collection === 'schools')
      .map((s) => ({ id: s.id, municipalityId: s.municipality_id })),
    municipalities: directory.filter((d) => d.collection === 'municipalities'),
  });
  return { user, ...reach };
}
