import { map } from 'rxjs';
import type { School } from '../domain';
import { useLiveQuery } from './hooks/useLiveQuery';

const NO_SCHOOLS: School[] = [];

export function useSchools() {
  return useLiveQuery(
    (db) =>
      db.schools.find({ sort: [{ name: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as School))),
    NO_SCHOOLS,
    [],
  );
}
