import { map } from 'rxjs';
import type { User } from '../domain';
import { useLiveQuery } from './hooks/useLiveQuery';

const NO_USERS: User[] = [];

/**
 * The directory entries this device received (whoever the person may read), live. Read-only here: people are
 * created and changed on the server, and their entries arrive by sync.
 */
export function useUsers() {
  return useLiveQuery(
    (db) => db.users.find().$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as User))),
    NO_USERS,
    [],
  );
}

export function useUser(id: string | undefined) {
  return useLiveQuery(
    (db) => db.users.findOne(id ?? '').$.pipe(map((doc) => (doc ? (doc.toMutableJSON() as User) : null))),
    null,
    [id],
  );
}
