/**
 * Dates and times as each UI language writes them, in one place. Latvia's English readers expect 24-hour time and
 * day-first dates ("1 September 2025, 14:00"), so the English UI formats as en-GB, never as US English.
 */
export function intlLocale(language: string): string {
  return language === 'en' || language.startsWith('en-') ? 'en-GB' : language;
}

/** Latvian months in the genitive ("1. septembra"): Intl gives only the nominative ("1. septembris"). */
const LV_GENITIVE = [
  'janvāra',
  'februāra',
  'marta',
  'aprīļa',
  'maija',
  'jūnija',
  'jūlija',
  'augusta',
  'septembra',
  'oktobra',
  'novembra',
  'decembra',
];

/**
 * A day (YYYY-MM-DD) written long as it stands after a preposition: Latvian "kopš 2025. gada 1. septembra"
 * (genitive), Russian "с 1 сентября 2025 г." (Intl's is already genitive), English "since 1 September 2025".
 */
export function longDateAfterPreposition(language: string, day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (language === 'lv' && year && month && date) return `${year}. gada ${date}. ${LV_GENITIVE[month - 1]}`;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long' }).format(new Date(`${day}T12:00:00`));
}

/** A month (YYYY-MM) in words: "2026. gada novembris", "November 2026", "ноябрь 2026 г.". */
export function monthInWords(language: string, month: string): string {
  const at = new Date(`${month}-15T12:00:00`);
  if (Number.isNaN(at.getTime())) return month;
  if (language === 'lv') {
    return `${at.getFullYear()}. gada ${new Intl.DateTimeFormat('lv', { month: 'long' }).format(at)}`;
  }
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric' }).format(at);
}
