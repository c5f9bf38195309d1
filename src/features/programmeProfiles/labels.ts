import type { TFunction } from 'i18next';
import { addedRiskLabel, type ProgrammeProfile, type StoredProfile } from '../../domain';

/** A profile's name: a stored copy's own title, the built-in one's from the locale files. */
export function profileTitle(profile: ProgrammeProfile, t: TFunction): string {
  const title = (profile as Partial<StoredProfile>).title;
  return title ?? t(`programmeProfiles:builtInTitle.${profile.id}`, { defaultValue: profile.id });
}

/** A risk's name in the person's language, or, for a risk a copy added, the name it was given. */
export function riskName(profile: ProgrammeProfile, code: string, t: TFunction): string {
  return t(`profile:risk.${code}`, { defaultValue: addedRiskLabel(profile, code) ?? code });
}

export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Euros as people type them ("45,50", "45.5", "45") to whole cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalised)) return null;
  const [whole = '0', fraction = ''] = normalised.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
