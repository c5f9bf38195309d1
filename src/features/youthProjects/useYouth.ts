import { useMemo } from 'react';
import {
  runsYouthCompetitions,
  type YouthApplicationRecord,
  type YouthCompetitionRecord,
  type YouthProject,
} from '../../domain';
import { useMunicipalities, useUsers, useYouthProjects } from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';

const isCompetition = (r: YouthProject): r is YouthCompetitionRecord => r.kind === 'competition' && !!r.competition;
const isApplication = (r: YouthProject): r is YouthApplicationRecord => r.kind === 'application' && !!r.application;

/** What the youth project screens share: the person, the records this device holds, and names to show. */
export function useYouth() {
  const actor = useActor();
  const { data: records, loading } = useYouthProjects();
  const { data: users } = useUsers();
  const { data: municipalities } = useMunicipalities();
  const refused = useRefusedIds('youthprojects');
  return useMemo(() => {
    const competitions = records
      .filter(isCompetition)
      .sort((a, b) => b.competition.opens.localeCompare(a.competition.opens));
    const applications = records.filter(isApplication);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const municipalityNames = new Map(municipalities.map((m) => [m.id, m.name]));
    return {
      actor,
      loading,
      refused,
      competitions,
      applications,
      users,
      names,
      municipalityNames,
      municipalities: municipalities.filter((m) => actor?.municipalityIds.includes(m.id)),
      /** May announce and decide (the server checks the municipality of each record). */
      decides: actor !== null && runsYouthCompetitions(actor.roles),
      applicationsOf: (competitionId: string) =>
        applications.filter((a) => a.application.competitionId === competitionId),
    };
  }, [actor, loading, refused, records, users, municipalities]);
}
