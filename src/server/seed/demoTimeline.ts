/**
 * The demo semester's clock: which days are school days, wall-clock times in Latvia, and a random number tied to a
 * name (the same session on the same day gets the same attendance whatever day the seed runs).
 */
import { addDays, monthsOf, semesterRange, weekdayOf, type SchoolSemester } from '../../domain';

/** mulberry32: tiny, well-distributed, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0, 1) that depends only on `key` (FNV-1a, then one mulberry32 step). */
export function chance(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return seededRandom(hash)();
}

/** Public holidays on school days, and the breaks (MM-DD): lessons end in May; summer is not a school time. */
const HOLIDAYS = new Set(['11-18', '05-01', '05-04']);
export const isPublicHoliday = (date: string) => HOLIDAYS.has(date.slice(5));
const isBreak = (date: string) => {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month >= 6 && month <= 8 ? true : (month === 12 && day >= 22) || (month === 1 && day <= 4);
};

/** The semester's lesson days, Monday to Friday, in order. */
export function schoolDaysOf(semester: SchoolSemester): string[] {
  const months = monthsOf(semester);
  const days: string[] = [];
  for (let date = semesterRange(semester).from; months.includes(date.slice(0, 7)); date = addDays(date, 1)) {
    if (weekdayOf(date) <= 5 && !isBreak(date) && !isPublicHoliday(date)) days.push(date);
  }
  return days;
}

/** The last Sunday of a month (YYYY-MM-DD): summer time in Latvia runs from March's to October's. */
function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0, 12));
  last.setUTCDate(last.getUTCDate() - (last.getUTCDay() % 7));
  return last.toISOString().slice(0, 10);
}

/** A wall-clock time in Latvia on a date, as a UTC timestamp (EET, EEST in summer). */
export function rigaTime(date: string, time: string, plusMinutes = 0): string {
  const year = Number(date.slice(0, 4));
  const summer = date >= lastSunday(year, 3) && date < lastSunday(year, 10);
  const [h = 0, m = 0] = time.split(':').map(Number);
  const utc = Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - (summer ? 3 : 2), m);
  return new Date(utc + plusMinutes * 60_000).toISOString();
}

/** A wall-clock time plus minutes, e.g. 14:10 + 40 → 14:50. */
export function laterTime(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
