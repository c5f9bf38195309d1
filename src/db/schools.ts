import { map } from 'rxjs';
import type { Municipality, School } from '../domain';
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

const NO_MUNICIPALITIES: Municipality[] = [];

export function useMunicipalities() {
  return useLiveQuery(
    (db) =>
      db.municipalities
        .find({ sort: [{ name: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as Municipality))),
    NO_MUNICIPALITIES,
    [],
  );
}
