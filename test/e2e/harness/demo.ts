/** The demo seed's accounts (src/server/seed/demoData.ts), all with the password the README lists. */
export const DEMO_PASSWORD = 'atbalsts-demo';

export const DEMO = {
  /** Ilze Kalniņa: maths teacher and plan preparer of the general school. */
  teacher: 'ilze.kalnina',
  /** Andris Ozols: Latvian teacher in both schools. */
  latvianTeacher: 'andris.ozols',
  psychologist: 'dace.liepa',
  socialPedagogue: 'marta.vitola',
  /** The general school's director. */
  director: 'juris.berzins',
  /** The technical school's director and school coordinator, who records its events. */
  technicalDirector: 'rasa.kaleja',
  /** The municipal coordinator of both demo schools. */
  municipalCoordinator: 'inese.zarina',
  /** The municipal coordinator of Rudzupes novads, the demo's second municipality (one school). */
  secondMunicipalCoordinator: 'gunta.abele',
  national: 'liga.rozite',
  accountant: 'sarmite.krumina',
  admin: 'admin',
} as const;
