import { monthsOf, previousSemester, semesterOf, type IndirectWork, type School } from '../../domain';

/** What the technical school's accountant and its coordinator do for the programme, and their hours a month. */
const ACCOUNTANT = [
  ['Kompensāciju aprēķins un izmaksa', 9],
  ['Ēdināšanas un transporta izdevumu saraksti', 6],
  ['Dienesta viesnīcas maksu pārbaude', 4],
] as const;
const COORDINATOR = ['Plānu saskaņošana un uzskaite', 3] as const;

/**
 * Indirect work at the demo's technical school (004: "netieši iesaistītie darbinieki (grāmatveži, koordinatori)"):
 * its accountant, Sarmīte Krūmiņa, records each school month of last semester and of this one so far (the
 * current month too), one record each of her three kinds of work, and the coordinator Rasa Kalēja her own coordination hours.
 * Every record is pushed by the person it is about (seedDemo.ts), through the server's checks.
 */
export function demoIndirectWork(today: string, vocational: School): IndirectWork[] {
  const current = semesterOf(today);
  const thisMonth = today.slice(0, 7);
  // Not in the summer holidays (semester 2's July and August), nor after today.
  const months = [...monthsOf(previousSemester(current)), ...monthsOf(current)].filter(
    (m) => m <= thisMonth && !m.endsWith('-07') && !m.endsWith('-08'),
  );
  const record = (staff: string, month: string, n: number, what: string, hours: number): IndirectWork => {
    const at = `${month}-${month === thisMonth ? today.slice(8, 10) : '28'}T16:00:00.000Z`;
    return {
      id: `demo-indirect-${staff}-${month}-${n}`,
      createdAt: at,
      updatedAt: at,
      kind: 'indirect',
      municipalityId: vocational.municipalityId,
      schoolId: vocational.id,
      staffId: `demo-user-${staff}`,
      month,
      minutes: hours * 60,
      what,
    };
  };
  return months.flatMap((month) => [
    ...ACCOUNTANT.map(([what, hours], n) => record('accountant', month, n, what, hours)),
    record('director-tech', month, 0, COORDINATOR[0], COORDINATOR[1]),
  ]);
}
