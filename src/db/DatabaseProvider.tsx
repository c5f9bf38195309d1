import { createContext, useContext, type ReactNode } from 'react';
import type { AtbalstsDatabase } from './createDatabase';

const DatabaseContext = createContext<AtbalstsDatabase | null>(null);

/** Hands the signed-in person's open database to the screens below. */
export function DatabaseProvider({ database, children }: { database: AtbalstsDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): AtbalstsDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase must be used inside <DatabaseProvider>');
  return db;
}
