import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import lvCommon from '../../locales/lv/common.json';
import lvLearners from '../../locales/lv/learners.json';
import lvAccount from '../../locales/lv/account.json';
import lvProfile from '../../locales/lv/profile.json';
import lvUsers from '../../locales/lv/users.json';
import lvPlans from '../../locales/lv/plans.json';
import lvConsultations from '../../locales/lv/consultations.json';
import lvCompensations from '../../locales/lv/compensations.json';
import lvNotes from '../../locales/lv/notes.json';
import lvClassImport from '../../locales/lv/classImport.json';
import lvHours from '../../locales/lv/hours.json';
import lvBackup from '../../locales/lv/backup.json';
import lvSync from '../../locales/lv/sync.json';
import lvReports from '../../locales/lv/reports.json';
import lvStaffDevelopment from '../../locales/lv/staffDevelopment.json';
import lvProgrammeProfiles from '../../locales/lv/programmeProfiles.json';
import lvYouthProjects from '../../locales/lv/youthProjects.json';
import enCommon from '../../locales/en/common.json';
import enLearners from '../../locales/en/learners.json';
import enAccount from '../../locales/en/account.json';
import enProfile from '../../locales/en/profile.json';
import enUsers from '../../locales/en/users.json';
import enPlans from '../../locales/en/plans.json';
import enConsultations from '../../locales/en/consultations.json';
import enCompensations from '../../locales/en/compensations.json';
import enNotes from '../../locales/en/notes.json';
import enClassImport from '../../locales/en/classImport.json';
import enHours from '../../locales/en/hours.json';
import enBackup from '../../locales/en/backup.json';
import enSync from '../../locales/en/sync.json';
import enReports from '../../locales/en/reports.json';
import enStaffDevelopment from '../../locales/en/staffDevelopment.json';
import enProgrammeProfiles from '../../locales/en/programmeProfiles.json';
import enYouthProjects from '../../locales/en/youthProjects.json';
import ruCommon from '../../locales/ru/common.json';
import ruLearners from '../../locales/ru/learners.json';
import ruAccount from '../../locales/ru/account.json';
import ruProfile from '../../locales/ru/profile.json';
import ruUsers from '../../locales/ru/users.json';
import ruPlans from '../../locales/ru/plans.json';
import ruConsultations from '../../locales/ru/consultations.json';
import ruCompensations from '../../locales/ru/compensations.json';
import ruNotes from '../../locales/ru/notes.json';
import ruClassImport from '../../locales/ru/classImport.json';
import ruHours from '../../locales/ru/hours.json';
import ruBackup from '../../locales/ru/backup.json';
import ruSync from '../../locales/ru/sync.json';
import ruReports from '../../locales/ru/reports.json';
import ruStaffDevelopment from '../../locales/ru/staffDevelopment.json';
import ruProgrammeProfiles from '../../locales/ru/programmeProfiles.json';
import ruYouthProjects from '../../locales/ru/youthProjects.json';
import { STORAGE_KEYS } from '../db';

export const languages = ['lv', 'en', 'ru'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'lv';

// Bundled, not fetched: the strings are small and must be there offline on the first start.
export const resources = {
  lv: {
    common: lvCommon,
    learners: lvLearners,
    account: lvAccount,
    profile: lvProfile,
    users: lvUsers,
    plans: lvPlans,
    consultations: lvConsultations,
    compensations: lvCompensations,
    notes: lvNotes,
    classImport: lvClassImport,
    hours: lvHours,
    backup: lvBackup,
    sync: lvSync,
    reports: lvReports,
    staffDevelopment: lvStaffDevelopment,
    programmeProfiles: lvProgrammeProfiles,
    youthProjects: lvYouthProjects,
  },
  en: {
    common: enCommon,
    learners: enLearners,
    account: enAccount,
    profile: enProfile,
    users: enUsers,
    plans: enPlans,
    consultations: enConsultations,
    compensations: enCompensations,
    notes: enNotes,
    classImport: enClassImport,
    hours: enHours,
    backup: enBackup,
    sync: enSync,
    reports: enReports,
    staffDevelopment: enStaffDevelopment,
    programmeProfiles: enProgrammeProfiles,
    youthProjects: enYouthProjects,
  },
  ru: {
    common: ruCommon,
    learners: ruLearners,
    account: ruAccount,
    profile: ruProfile,
    users: ruUsers,
    plans: ruPlans,
    consultations: ruConsultations,
    compensations: ruCompensations,
    notes: ruNotes,
    classImport: ruClassImport,
    hours: ruHours,
    backup: ruBackup,
    sync: ruSync,
    reports: ruReports,
    staffDevelopment: ruStaffDevelopment,
    programmeProfiles: ruProgrammeProfiles,
    youthProjects: ruYouthProjects,
  },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEYS.language);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function createI18n(language: Language = storedLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    ns: [
      'common',
      'learners',
      'account',
      'profile',
      'users',
      'plans',
      'consultations',
      'compensations',
      'notes',
      'backup',
    ],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEYS.language, lng);
    } catch {
      // Private mode or a full disk: the choice lasts for this visit only.
    }
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}
