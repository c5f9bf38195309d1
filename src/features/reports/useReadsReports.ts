import { readsReports } from '../../domain';
import { useActor } from '../account';

/** The person's report readers, for the nav (derived from the domain's table, as the page itself decides). */
export function useReadsReports(): boolean {
  const actor = useActor();
  return actor !== null && readsReports(actor.roles);
}
