import { monthsOf, previousSemester, semesterOf, type School, type StaffEvent, type User } from '../../domain';

interface Place {
  municipalityId: string;
  general: School;
  vocational: School;
  users: readonly User[];
}

/**
 * The demo's staff development over the last semester and this one (so far): 004's workshops for the technical
 * school's teachers (12 hours, 19 teachers, of whom two have accounts here), a remote supervision for 7 teachers, the
 * municipality's seminar and conference, and a methodological material. Each is recorded by whoever records it on a
 * device: the school's director, or the municipal coordinator for the municipality's own (seedDemo.ts).
 */
export function demoStaffEvents(today: string, { municipalityId, general, vocational, users }: Place): StaffEvent[] {
  const current = semesterOf(today);
  const [p1 = '', p2 = '', p3 = ''] = monthsOf(previousSemester(current));
  const [c1 = ''] = monthsOf(current);
  const id = (key: string) => `demo-user-${key}`;
  const known = new Set(users.map((u) => u.id));
  const event = (key: string, fields: Omit<StaffEvent, 'id' | 'createdAt' | 'updatedAt' | 'municipalityId'>) => {
    const at = `${fields.date}T15:00:00.000Z`;
    return { id: `demo-staffevent-${key}`, createdAt: at, updatedAt: at, municipalityId, ...fields };
  };
  const events: StaffEvent[] = [
    event('workshop', {
      schoolId: vocational.id,
      kind: 'workshop',
      title: 'Darbnīcas pedagogiem: darbs ar jauniešiem, kuriem ir risks pārtraukt mācības',
      provider: 'Biedrība „Radošā pieeja”',
      date: `${p2}-12`,
      endDate: `${p2}-13`,
      hours: 12,
      participantIds: [id('latvian'), id('psychologist')],
      otherParticipants: 17,
    }),
    event('supervision', {
      schoolId: general.id,
      kind: 'supervision',
      title: 'Attālināta supervīzija skolotājiem',
      provider: 'Supervizore Sandra Egle',
      date: `${p3}-04`,
      endDate: `${p3}-04`,
      hours: 2,
      participantIds: [id('maths'), id('latvian'), id('social')],
      otherParticipants: 4,
    }),
    event('seminar', {
      kind: 'seminar',
      title: 'Individuālie atbalsta plāni: pieredzes apmaiņas seminārs',
      provider: 'Ezerkalnu novada pašvaldība',
      date: `${p1}-25`,
      endDate: `${p1}-25`,
      hours: 4,
      participantIds: [id('maths'), id('psychologist'), id('social'), id('director'), id('director-tech')],
      otherParticipants: 12,
    }),
    event('material', {
      schoolId: general.id,
      kind: 'material',
      title: 'Metodiskais materiāls: atgriezeniskā saite individuālajās konsultācijās',
      provider: '',
      date: `${c1}-08`,
      endDate: `${c1}-20`,
      hours: 8,
      participantIds: [id('maths')],
      otherParticipants: 0,
    }),
    event('conference', {
      kind: 'conference',
      title: 'Reģionālā konference „Atbalsts katram skolēnam”',
      provider: 'Vidzemes plānošanas reģions',
      date: `${c1}-15`,
      endDate: `${c1}-16`,
      hours: 10,
      participantIds: [id('psychologist'), id('social'), id('coordinator')],
      otherParticipants: 40,
    }),
  ];
  // This semester's only as far as it has gone; and nobody the demo does not hold.
  return events
    .filter((e) => e.date <= today)
    .map((e) => ({ ...e, participantIds: e.participantIds.filter((p) => known.has(p)) }));
}
