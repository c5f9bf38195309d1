import type { UserRole } from '../organisation';
import type { Actor } from './permissions';

/** The person whose reach is wanted, as their directory entry holds them. */
export interface ReachPerson {
  id: string;
  roles: readonly UserRole[];
  schoolIds: readonly string[];
  municipalityId?: string | null | undefined;
}

/** The schools and municipalities there are to reach: the server's directory, or what a device holds. */
export interface ReachDirectory {
  schools: readonly { id: string; municipalityId: string | null | undefined }[];
  municipalities: readonly { id: string }[];
}

/**
 * A person's effective reach, the one the server checks every pull and push against and the device shows actions
 * by: their own schools and, for a municipal coordinator, every school of their municipality; the municipalities
 * are their own and those of the schools they reach. An administrator reaches every school and municipality.
 */
export function reachOf(person: ReachPerson, directory: ReachDirectory): Actor {
  const base = { userId: person.id, roles: person.roles };
  if (person.roles.includes('administrator')) {
    return {
      ...base,
      schoolIds: directory.schools.map((s) => s.id),
      municipalityIds: directory.municipalities.map((m) => m.id),
    };
  }
  if (person.roles.includes('national_coordinator')) return nationalReach(person, directory);
  const coordinated = person.roles.includes('municipal_coordinator') ? person.municipalityId : null;
  const schools = directory.schools.filter(
    (s) => person.schoolIds.includes(s.id) || (coordinated && s.municipalityId === coordinated),
  );
  const municipalityIds = new Set<string>();
  if (person.municipalityId) municipalityIds.add(person.municipalityId);
  for (const school of schools) if (school.municipalityId) municipalityIds.add(school.municipalityId);
  return { ...base, schoolIds: schools.map((s) => s.id), municipalityIds: [...municipalityIds] };
}

/**
 * The national coordinator (the programme agency's) reaches the whole country, but as municipalities only: every
 * municipality, so the programme-level records replicate to them (municipalities, youth projects, staff events, the
 * municipal coordinators in the directory), and no school. A school's records are learner-level (learners, plans,
 * consultations, schedules, compensations, notes): the device of someone who reaches no school pulls none of them
 * (permissions.ts canRead, replication/readScope.ts), and the state's figures come from the server as aggregates
 * instead (server/reports). Any school roles such a person also holds are ignored here, on purpose: a national
 * device must hold nothing learner-level, whatever else the account says.
 */
function nationalReach(person: ReachPerson, directory: ReachDirectory): Actor {
  return {
    userId: person.id,
    roles: person.roles,
    schoolIds: [],
    municipalityIds: directory.municipalities.map((m) => m.id),
  };
}
