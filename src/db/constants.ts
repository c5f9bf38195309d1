/** Names that must never drift between modules: database names, storage keys and event names. */
export const DATABASE_NAME_PREFIX = 'atbalsts';

export const STORAGE_KEYS = {
  /** The device's language: shared on purpose, the sign-in screen needs it before anyone is known. */
  language: 'atbalsts.language',
  /** The "works offline now" notice was shown on this device: it is news once, not on every sign-in (issue 13.8). */
  offlineNoticeShown: 'atbalsts.offlineNoticeShown',
  /** The device's list of people who signed in here (each entry holds only that person's wrapped keys). */
  deviceAccounts: 'atbalsts.accounts',
  /** Followed by the database name: the school that person is working in. */
  selectedSchoolPrefix: 'atbalsts.selectedSchool.',
  /** Followed by the database name: that person's changes the server refused, and why. */
  rejectionsPrefix: 'atbalsts.rejections.',
  /** Followed by the database name: when this device's pushes met a conflict (to tell whose edit was replaced). */
  conflictsPrefix: 'atbalsts.conflicts.',
  /** Read once to carry over: before, the school choice and the refusals were one key for everyone on the device. */
  legacySelectedSchool: 'atbalsts.selectedSchool',
  legacyRejections: 'atbalsts.rejections',
  /** Followed by the database name: changes of that person waiting to be sent. */
  pendingPrefix: 'atbalsts.pending.',
  /** Followed by the database name: this copy must be rebuilt, the person's reach having changed. */
  rebuildPrefix: 'atbalsts.rebuild.',
  /** Followed by the database name: its stores already swept for plaintext left by an older version. */
  sealedPrefix: 'atbalsts.sealed.',
  /** Why a person's data left this device (account disabled), shown on the sign-in screen until dismissed. */
  signInNotice: 'atbalsts.signInNotice',
  /** Persistent storage was asked for once on this device; later only on a person's click. */
  storagePersistAsked: 'atbalsts.storage.persistAsked',
  /** Followed by the user id: that person dismissed the install suggestion on this device. */
  installDismissedPrefix: 'atbalsts.installDismissed.',
  /** Followed by the database name: the state's reports that person last fetched, for reading offline. */
  nationalReportPrefix: 'atbalsts.nationalReport.',
  /** '1' while the server last said it holds demo data, so the mark stays offline too. */
  demoServer: 'atbalsts.demoServer',
} as const;

/** One database per person on a device. */
export const userDatabaseName = (userId: string) =>
  `${DATABASE_NAME_PREFIX}_u_${userId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
