/** Today as a local calendar date (YYYY-MM-DD): a school day is the day on the wall, not in UTC. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
