// The Russian strings: one chunk, loaded when the language is chosen (src/app/language.ts).
import type { LanguageBundle } from '../language';
import account from '../../../locales/ru/account.json';
import backup from '../../../locales/ru/backup.json';
import classImport from '../../../locales/ru/classImport.json';
import common from '../../../locales/ru/common.json';
import compensations from '../../../locales/ru/compensations.json';
import consultations from '../../../locales/ru/consultations.json';
import hours from '../../../locales/ru/hours.json';
import learners from '../../../locales/ru/learners.json';
import notes from '../../../locales/ru/notes.json';
import plans from '../../../locales/ru/plans.json';
import profile from '../../../locales/ru/profile.json';
import programmeProfiles from '../../../locales/ru/programmeProfiles.json';
import reports from '../../../locales/ru/reports.json';
import staffDevelopment from '../../../locales/ru/staffDevelopment.json';
import sync from '../../../locales/ru/sync.json';
import users from '../../../locales/ru/users.json';
import youthProjects from '../../../locales/ru/youthProjects.json';

export const bundle: LanguageBundle = {
  account,
  backup,
  classImport,
  common,
  compensations,
  consultations,
  hours,
  learners,
  notes,
  plans,
  profile,
  programmeProfiles,
  reports,
  staffDevelopment,
  sync,
  users,
  youthProjects,
};
