import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { STORAGE_KEYS } from '../../db';

interface SelectedSchoolState {
  schoolId: string | null;
  select(schoolId: string): void;
}

/** The school the person is working in on this device; remembered across visits. */
export const useSelectedSchool = create<SelectedSchoolState>()(
  persist(
    (set) => ({
      schoolId: null,
      select: (schoolId) => set({ schoolId }),
    }),
    { name: STORAGE_KEYS.selectedSchool, storage: createJSONStorage(() => localStorage) },
  ),
);
