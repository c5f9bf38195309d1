import { create } from 'zustand';
import { STORAGE_KEYS } from '../../db';
import { useSession, type SessionState } from '../../sync';

interface SelectedSchoolState {
  /** The database (one per person) whose choice this is; null while locked. */
  owner: string | null;
  schoolId: string | null;
  select(schoolId: string): void;
}

const keyOf = (owner: string) => `${STORAGE_KEYS.selectedSchoolPrefix}${owner}`;

/** The school the person is working in on this device; remembered across visits, per person. */
export const useSelectedSchool = create<SelectedSchoolState>()((set, get) => ({
  owner: null,
  schoolId: null,
  select: (schoolId) => {
    const { owner } = get();
    if (owner) {
      try {
        globalThis.localStorage?.setItem(keyOf(owner), schoolId);
      } catch {
        // Storage full: the choice holds until the next reload.
      }
    }
    set({ schoolId });
  },
}));

/** The person's database opened: take up the school they last chose here (nobody else's choice). */
export function openSelectedSchool(owner: string): void {
  // The old shared key said nothing of whose choice it was; a school outside this person's reach shows nothing.
  globalThis.localStorage?.removeItem(STORAGE_KEYS.legacySelectedSchool);
  useSelectedSchool.setState({ owner, schoolId: globalThis.localStorage?.getItem(keyOf(owner)) ?? null });
}

/** Follows the session before anything renders, so no screen sees the previous person's choice. */
function follow(owner: string | null): void {
  if (owner === useSelectedSchool.getState().owner) return;
  if (owner) openSelectedSchool(owner);
  else useSelectedSchool.setState({ owner: null, schoolId: null });
}
const ownerOf = (state: SessionState) => (state.status === 'unlocked' ? state.db.name : null);
follow(ownerOf(useSession.getState()));
useSession.subscribe((state) => follow(ownerOf(state)));
