import type { Actor, User } from '../../domain';
import type { Queryable } from '../store/store';

export interface AuthenticatedUser extends Actor {
  user: User;
}

/**
 * The effective reach of a user, from their directory entry: their schools, and for a municipal coordinator every
 * school of the municipality; an administrator reaches everything.
 */
export async function actorFor(db: Queryable, userId: string): Promise<AuthenticatedUser | null> {
  const [row] = await db.query<{ data: User }>(`SELECT data FROM documents WHERE collection = 'users' AND id = $1`, [
    userId,
  ]);
  if (!row) return null;
  const user = row.data;
  const schools = await db.query<{ id: string; municipality_id: string | null }>(
    `SELECT id, municipality_id FROM documents WHERE collection = 'schools' AND NOT deleted`,
  );
  const isAdmin = user.roles.includes('administrator');
  const coordinates = user.roles.includes('municipal_coordinator') && user.municipalityId;
  const reachable = schools.filter(
    (s) => isAdmin || user.schoolIds.includes(s.id) || (coordinates && s.municipality_id === user.municipalityId),
  );
  const municipalityIds = isAdmin
    ? (await db.query<{ id: string }>(`SELECT id FROM documents WHERE collection = 'municipalities'`)).map((m) => m.id)
    : [
        ...new Set([
          ...(user.municipalityId ? [user.municipalityId] : []),
          ...reachable.map((s) => s.municipality_id).filter((m): m is string => m !== null),
        ]),
      ];
  return { user, userId, roles: user.roles, schoolIds: reachable.map((s) => s.id), municipalityIds };
}
