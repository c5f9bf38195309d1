// The Latvian strings: one chunk, loaded when the language is chosen (src/app/language.ts).
import type { LanguageBundle } from '../language';
import account from '../../../locales/lv/account.json';
import backup from '../../../locales/lv/backup.json';
import classImport from '../../../locales/lv/classImport.json';
import common from '../../../locales/lv/common.json';
import compensations from '../../../locales/lv/compensations.json';
import consultations from '../../../locales/lv/consultations.json';
import hours from '../../../locales/lv/hours.json';
import learners from '../../../locales/lv/learners.json';
import notes from '../../../locales/lv/notes.json';
import plans from '../../../locales/lv/plans.json';
import profile from '../../../locales/lv/profile.json';
import programmeProfiles from '../../../locales/lv/programmeProfiles.json';
import reports from '../../../locales/lv/reports.json';
import staffDevelopment from '../../../locales/lv/staffDevelopment.json';
import sync from '../../../locales/lv/sync.json';
import users from '../../../locales/lv/users.json';
import youthProjects from '../../../locales/lv/youthProjects.json';

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
