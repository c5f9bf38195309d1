// The English strings: one chunk, loaded when the language is chosen (src/app/language.ts).
import type { LanguageBundle } from '../language';
import account from '../../../locales/en/account.json';
import backup from '../../../locales/en/backup.json';
import classImport from '../../../locales/en/classImport.json';
import common from '../../../locales/en/common.json';
import compensations from '../../../locales/en/compensations.json';
import consultations from '../../../locales/en/consultations.json';
import hours from '../../../locales/en/hours.json';
import learners from '../../../locales/en/learners.json';
import notes from '../../../locales/en/notes.json';
import plans from '../../../locales/en/plans.json';
import profile from '../../../locales/en/profile.json';
import programmeProfiles from '../../../locales/en/programmeProfiles.json';
import reports from '../../../locales/en/reports.json';
import staffDevelopment from '../../../locales/en/staffDevelopment.json';
import sync from '../../../locales/en/sync.json';
import users from '../../../locales/en/users.json';
import youthProjects from '../../../locales/en/youthProjects.json';

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
