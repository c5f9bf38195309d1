/**
 * Who the demo semester is about, in plain data: each learner's plan (risks, measures, the workflow steps so far),
 * the weekly sessions staff hold, and how reliably each learner turns up. demoSemester.ts turns it into documents
 * dated around the day the seed runs. Learner ids are those of demoData.ts; staff are named by username.
 *
 * Learners deliberately left without a plan: those without a signed application (the browser tests use one), and
 * the first learner of the general school in alphabetical order (the browser tests start a plan for her).
 */
import type { NoImprovementReason, PlanAction, PlanOutcome } from '../../domain';

export type StaffName =
  | 'ilze.kalnina'
  | 'andris.ozols'
  | 'dace.liepa'
  | 'marta.vitola'
  | 'juris.berzins'
  | 'inese.zarina'
  | 'rasa.kaleja'
  // Rudzupes novads (demoRudzupe.ts)
  | 'baiba.sproge'
  | 'laila.priede'
  | 'aivars.lapins'
  | 'gunta.abele';

/**
 * A workflow step. `day` counts school days: from the semester's first (0, 1, …), or back from the seed's day
 * (-1 is the last school day before it). Steps that would fall on or after that day have not happened yet.
 */
export interface StepScript {
  action: 'created' | 'created_from_previous' | 'evaluate' | PlanAction;
  by: StaffName;
  day: number;
  reason?: string;
  /** Counted back from the seed's day: left out, with what follows, when it would fall right after the previous step. */
  notEarly?: boolean;
}

export interface MeasureScript {
  /** Short name, part of the measure's id. */
  key: string;
  kind: 'subject_consultation' | 'specialist_consultation' | 'compensation';
  /** Indexes into the plan's risks. */
  risks: number[];
  justification: string;
  subject?: string;
  specialistRole?: string;
  staff?: StaffName;
  /**
   * Planned sessions as a share of the weekly sessions the semester still holds when the plan is drawn up: below 1
   * the plan is met before the semester ends (a newcomer sees some plans near the 90 % target mid-semester).
   */
  coverage?: number;
  compensationCategory?: string;
  plannedMonthlyCents?: number;
  /** The current month's compensation: approved (the default) or only requested yet. */
  currentStatus?: 'approved' | 'requested';
  /** What the compensation pays for, per month. */
  note?: string;
}

export interface PlanScript {
  learner: string;
  preparers: StaffName[];
  risks: { code: string; note: string }[];
  measures: MeasureScript[];
  steps: StepScript[];
  evaluation?: { outcome: PlanOutcome; note: string; reasons?: NoImprovementReason[] };
}

/** One municipality's semester: the plans and weekly sessions of this semester and the one before. */
export interface DemoStory {
  currentPlans: PlanScript[];
  previousPlans: PlanScript[];
  currentSlots: SlotScript[];
  previousSlots: SlotScript[];
  /** How often a learner misses a session, unexcused and excused, by learner id; everyone else: USUAL_ABSENCES. */
  absences: Record<string, { unexcused: number; excused: number }>;
  /** Whose latest sessions (how many) still wait for the learner's confirmation. */
  unconfirmed: [StaffName, number][];
  /** A psychologist's notes about one learner, after her latest session with them. */
  notes?: { learner: string; author: StaffName; private: string; shared: string };
}

/** A weekly session of one staff member with one learner or a small group. */
export interface SlotScript {
  key: string;
  staff: StaffName;
  staffRole: 'subject_teacher' | 'psychologist' | 'social_pedagogue';
  subject?: string;
  learners: string[];
  weekday: 1 | 2 | 3 | 4 | 5;
  time: string;
  minutes: number;
  fortnightly?: boolean;
  /** Kept as a recurring schedule on the staff member's today screen. */
  schedule?: boolean;
  /** Share of sessions held over Zoom. */
  remote?: number;
}

type Staff = StaffName;
const ILZE: Staff = 'ilze.kalnina';
const ANDRIS: Staff = 'andris.ozols';
const DACE: Staff = 'dace.liepa';
const MARTA: Staff = 'marta.vitola';

const risk = (code: string, note: string) => ({ code, note });
const step = (action: StepScript['action'], by: Staff, day: number, reason?: string): StepScript => ({
  action,
  by,
  day,
  ...(reason ? { reason } : {}),
});
const director = (day: number) => step('approve', 'juris.berzins', day);
const municipality = (day: number) => step('approve', 'inese.zarina', day);
/** The usual path at the general school: drafted, sent, approved twice, started. */
const approvedAndStarted = (by: Staff, days: [number, number, number, number, number]): StepScript[] => [
  step('created', by, days[0]),
  step('submit', by, days[1]),
  director(days[2]),
  municipality(days[3]),
  step('start', by, days[4]),
];

/** Consultations in a subject, or with a specialist, by a named staff member. */
const lessons = (
  subject: 'maths' | 'latvian',
  staff: Staff,
  risks: number[],
  coverage: number,
  justification: string,
) => ({ key: subject, kind: 'subject_consultation', subject, staff, risks, coverage, justification }) as const;
const specialist = (
  role: 'psychologist' | 'social_pedagogue',
  staff: Staff,
  risks: number[],
  coverage: number,
  justification: string,
) =>
  ({
    key: role === 'psychologist' ? 'psychologist' : 'social',
    kind: 'specialist_consultation',
    specialistRole: role,
    staff,
    risks,
    coverage,
    justification,
  }) as const;
const compensation = (
  key: string,
  category: string,
  cents: number,
  risks: number[],
  justification: string,
  extra: Pick<MeasureScript, 'note' | 'currentStatus'>,
): MeasureScript => ({
  key,
  kind: 'compensation',
  compensationCategory: category,
  plannedMonthlyCents: cents,
  risks,
  justification,
  ...extra,
});

/** General school: approved by the director, then the municipality; vocational (state-founded): the director only. */
export const CURRENT_PLANS: PlanScript[] = [
  {
    learner: 'demo-learner-005',
    preparers: [ILZE],
    risks: [
      risk('learning.difficulty_mastering', 'Matemātikā vairāki nesekmīgi vērtējumi; 9. klasē gaidāms eksāmens.'),
      risk('learning.low_achievement', 'Latviešu valodā vērtējumi 3–4 balles.'),
    ],
    measures: [
      lessons(
        'maths',
        ILZE,
        [0],
        0.65,
        'Konsultācijas matemātikā divreiz nedēļā (individuāli un grupā), lai sagatavotos valsts pārbaudes darbam.',
      ),
      lessons('latvian', ANDRIS, [1], 0.75, 'Teksta izpratnes un rakstītprasmes nostiprināšana reizi nedēļā.'),
    ],
    steps: [step('created_from_previous', ILZE, 2), ...approvedAndStarted(ILZE, [2, 4, 6, 8, 9]).slice(1)],
  },
  {
    learner: 'demo-learner-002',
    preparers: [ILZE],
    risks: [
      risk('learning.missed_content', 'Septembrī divas nedēļas slimnīcā; nokavēta tēma par daļskaitļiem.'),
      risk('personality.health', 'Pēc slimības ātri nogurst; stundās vajadzīgas pauzes.'),
    ],
    measures: [
      lessons('maths', ILZE, [0], 0.9, 'Nokavētās tēmas apguve individuāli: daļskaitļi un procenti.'),
      specialist(
        'psychologist',
        DACE,
        [1],
        0.9,
        'Atbalsts, atgriežoties skolā: noguruma un trauksmes mazināšana, mācību ritma plānošana.',
      ),
    ],
    steps: approvedAndStarted(ILZE, [5, 7, 9, 11, 12]),
  },
  {
    learner: 'demo-learner-003',
    preparers: [MARTA],
    risks: [
      risk('other.unjustified_absences', 'Septembrī 14 neattaisnoti kavētas stundas.'),
      risk('personality.motivation', 'Bieži bez mājasdarbiem; saka, ka mācības „neko nedod”.'),
      risk('family.low_involvement', 'Vecāki reti atbild uz e-klases ziņām.'),
    ],
    measures: [
      specialist(
        'social_pedagogue',
        MARTA,
        [0, 2],
        1,
        'Iknedēļas sarunas par kavējumiem; sadarbība ar ģimeni un klases audzinātāju.',
      ),
      lessons('maths', ILZE, [1], 1, 'Konsultācijas matemātikā, lai panāktu nokavēto un atgūtu ticību saviem spēkiem.'),
    ],
    steps: approvedAndStarted(MARTA, [4, 6, 8, 10, 11]),
  },
  {
    learner: 'demo-learner-016',
    preparers: [MARTA],
    risks: [
      risk('economic.meals', 'Ģimenē trīs bērni, māte bez darba; pusdienas skolā netiek apmaksātas.'),
      risk('family.conflicts', 'Vecāki šķiras; zēns stāsta par strīdiem mājās.'),
      risk('personality.emotional_state', 'Stundās noslēgts, reizēm raud.'),
    ],
    measures: [
      compensation('meals', 'meals', 6400, [0], 'Pusdienu kompensācija skolas ēdnīcā, 3,20 € dienā.', {
        note: 'Pusdienas skolas ēdnīcā',
      }),
      specialist('social_pedagogue', MARTA, [1], 0.8, 'Sarunas ar izglītojamo un māti; sadarbība ar sociālo dienestu.'),
      specialist('psychologist', DACE, [2], 0.8, 'Emocionālais atbalsts vecāku šķiršanās laikā, reizi divās nedēļās.'),
    ],
    steps: approvedAndStarted(MARTA, [3, 5, 7, 9, 10]),
  },
  {
    learner: 'demo-learner-020',
    preparers: [ILZE],
    risks: [
      risk(
        'learning.language_barrier',
        'Atgriezusies no Īrijas pēc piecu gadu prombūtnes; mācību tekstus latviski saprot ar grūtībām.',
      ),
      risk('learning.difficulty_mastering', 'Matemātikas terminus zina angliski, ne latviski.'),
      risk('economic.transport', 'Dzīvo Lejasciemā, 14 km no skolas; brauc ar starppilsētu autobusu.'),
    ],
    measures: [
      lessons(
        'latvian',
        ANDRIS,
        [0],
        0.8,
        'Latviešu valodas konsultācijas divreiz nedēļā: mācību valoda, terminoloģija, lasītprasme.',
      ),
      lessons('maths', ILZE, [1], 0.85, 'Matemātikas konsultācijas grupā ar klasesbiedru; terminu vārdnīca latviski.'),
      compensation(
        'bus',
        'intercity_transport',
        2500,
        [2],
        'Mēneša biļete starppilsētu autobusam Lejasciems–Ezerkalne.',
        {
          note: 'Mēneša biļete Lejasciems–Ezerkalne',
          currentStatus: 'requested',
        },
      ),
    ],
    steps: approvedAndStarted(ILZE, [3, 6, 8, 10, 11]),
  },
  {
    learner: 'demo-learner-010',
    preparers: [ILZE],
    risks: [
      risk('learning.low_achievement', 'Matemātikā vērtējumi zem 4 ballēm.'),
      risk('personality.health', 'Hroniska slimība; gaidāma ilgāka ārstēšanās.'),
    ],
    measures: [
      lessons(
        'maths',
        ILZE,
        [0, 1],
        1,
        'Individuālas konsultācijas matemātikā reizi nedēļā, arī pēc kavējumiem slimības dēļ.',
      ),
    ],
    steps: [
      ...approvedAndStarted(ILZE, [4, 6, 8, 10, 12]),
      {
        ...step(
          'suspend',
          ILZE,
          -15,
          'Ārstējas slimnīcā; konsultācijas atsāks pēc atgriešanās skolā (ārsta izziņa iesniegta).',
        ),
        notEarly: true,
      },
    ],
  },
  {
    learner: 'demo-learner-014',
    preparers: [MARTA],
    risks: [
      risk('family.parents_abroad', 'Abi vecāki strādā Norvēģijā; dzīvo pie vecmāmiņas.'),
      risk('learning.difficulty_mastering', 'Latviešu valodā grūtības ar rakstīšanu.'),
    ],
    measures: [
      specialist(
        'social_pedagogue',
        MARTA,
        [0],
        0.5,
        'Sarunas reizi divās nedēļās; saziņa ar vecmāmiņu un vecākiem attālināti.',
      ),
      lessons('latvian', ANDRIS, [1], 1, 'Rakstītprasmes konsultācijas latviešu valodā reizi nedēļā.'),
    ],
    steps: [step('created', MARTA, -12), step('submit', MARTA, -8), director(-5), municipality(-2)],
  },
  {
    learner: 'demo-learner-018',
    preparers: [DACE],
    risks: [
      risk('personality.emotional_state', 'Trauksme pirms pārbaudes darbiem; izvairās atbildēt stundās.'),
      risk('personality.self_esteem', 'Uzskata, ka „neko nemāk”.'),
      risk('learning.low_achievement', 'Matemātikā vērtējumi krītas kopš 7. klases.'),
    ],
    measures: [
      specialist(
        'psychologist',
        DACE,
        [0, 1],
        0.5,
        'Psihologa konsultācijas reizi divās nedēļās: trauksmes mazināšana, pašvērtējums.',
      ),
      lessons(
        'maths',
        ILZE,
        [2],
        1,
        'Matemātikas konsultācijas mierīgā vidē reizi nedēļā, īpaši pirms pārbaudes darbiem.',
      ),
    ],
    steps: [
      step('created', DACE, -14),
      step('submit', DACE, -10),
      step(
        'return',
        'juris.berzins',
        -8,
        'Lūdzu papildināt matemātikas konsultāciju pamatojumu un norādīt plānoto skaitu.',
      ),
      step('submit', DACE, -6),
      director(-3),
    ],
  },
  {
    learner: 'demo-learner-012',
    preparers: [ILZE],
    risks: [
      risk('learning.low_achievement', 'Matemātikā vairāki vērtējumi 2–3 balles.'),
      risk('family.parents_abroad', 'Māte strādā Īrijā; meitene dzīvo pie tēva, kurš strādā maiņās.'),
    ],
    measures: [
      lessons('maths', ILZE, [0], 1, 'Konsultācijas matemātikā reizi nedēļā; pamatzināšanu atkārtošana.'),
      specialist('social_pedagogue', MARTA, [1], 0.5, 'Sociālā pedagoga sarunas reizi divās nedēļās; saziņa ar tēvu.'),
    ],
    steps: [step('created', ILZE, -6), step('submit', ILZE, -2)],
  },
  {
    learner: 'demo-learner-026',
    preparers: [MARTA],
    risks: [
      risk('other.starting_work', 'Strādā vakaros veikalā; no rīta kavē pirmās stundas.'),
      risk('personality.motivation', 'Apsver mācību pārtraukšanu pēc 11. klases.'),
    ],
    measures: [
      specialist(
        'social_pedagogue',
        MARTA,
        [0, 1],
        1,
        'Sarunas par mācību un darba apvienošanu; karjeras konsultanta iesaiste.',
      ),
    ],
    steps: [step('created', MARTA, -3)],
  },
  // Ezerkalnu tehnikums: the psychologist prepares; the director approves alone.
  {
    learner: 'demo-learner-030',
    preparers: [DACE],
    risks: [
      risk('economic.accommodation', 'Dzīvo dienesta viesnīcā; ģimene nespēj segt maksu.'),
      risk('economic.transport', 'Brīvdienās brauc mājās uz Rēzekni.'),
      risk('learning.difficulty_mastering', 'Grūtības ar latviešu valodas eksāmena rakstu daļu.'),
    ],
    measures: [
      compensation('dorm', 'accommodation', 3500, [0], 'Dienesta viesnīcas maksa.', { note: 'Dienesta viesnīca' }),
      compensation(
        'bus',
        'intercity_transport',
        1920,
        [1],
        'Autobusa biļetes uz mājām un atpakaļ četras nedēļas nogales mēnesī.',
        {
          note: '8 braucieni Ezerkalne–Rēzekne',
        },
      ),
      lessons(
        'latvian',
        ANDRIS,
        [2],
        0.8,
        'Latviešu valodas konsultācijas reizi nedēļā; gatavošanās eksāmena rakstu daļai.',
      ),
    ],
    steps: [
      step('created', DACE, 3),
      step('submit', DACE, 5),
      step('approve', 'rasa.kaleja', 7),
      step('start', DACE, 8),
    ],
  },
  {
    learner: 'demo-learner-036',
    preparers: [DACE],
    risks: [
      risk('personality.emotional_state', 'Pēc konflikta grupā izvairās no praktiskajām nodarbībām.'),
      risk('other.school_conflicts', 'Konflikts ar grupas biedriem mācību praksē.'),
      risk('economic.school_things', 'Nav sava instrumentu komplekta praksei.'),
    ],
    measures: [
      specialist(
        'psychologist',
        DACE,
        [0, 1],
        1,
        'Psihologa konsultācijas reizi nedēļā, daļa attālināti; konflikta risināšana.',
      ),
      compensation('tools', 'learning_materials', 4500, [2], 'Individuāls instrumentu komplekts mācību praksei.', {
        note: 'Instrumentu komplekts praksei',
      }),
    ],
    steps: [
      step('created', DACE, 4),
      step('submit', DACE, 6),
      step('approve', 'rasa.kaleja', 8),
      step('start', DACE, 9),
    ],
  },
  {
    learner: 'demo-learner-029',
    preparers: [DACE],
    risks: [
      risk('other.starting_work', 'Strādā autoservisā vakaros un nedēļas nogalēs.'),
      risk('learning.missed_content', 'Nokavētas teorijas stundas latviešu valodā un literatūrā.'),
    ],
    measures: [
      specialist('psychologist', DACE, [0], 0.5, 'Sarunas par mācību un darba apvienošanu, reizi divās nedēļās.'),
      lessons('latvian', ANDRIS, [1], 1, 'Nokavētās teorijas apguve latviešu valodā reizi nedēļā.'),
    ],
    steps: [step('created', DACE, -7), step('submit', DACE, -3)],
  },
  {
    learner: 'demo-learner-034',
    preparers: [DACE],
    risks: [risk('learning.missed_content', 'Pārgāja no citas skolas oktobrī; nokavēta daļa kursa.')],
    measures: [lessons('latvian', ANDRIS, [0], 1, 'Nokavētā kursa apguve latviešu valodā.')],
    steps: [step('created', DACE, -2)],
  },
];

/** The semester before: one plan, evaluated, that continues now. */
export const PREVIOUS_PLANS: PlanScript[] = [
  {
    learner: 'demo-learner-005',
    preparers: [ILZE],
    risks: [risk('learning.difficulty_mastering', 'Matemātikā vērtējumi 2–3 balles.')],
    measures: [
      lessons('maths', ILZE, [0], 1, 'Individuālas konsultācijas matemātikā reizi nedēļā.'),
      lessons('latvian', ANDRIS, [0], 1, 'Teksta uzdevumu lasīšana un izpratne latviešu valodā.'),
    ],
    steps: [...approvedAndStarted(ILZE, [2, 4, 6, 8, 9]), step('evaluate', ILZE, -1)],
    evaluation: {
      outcome: 'continues',
      note: 'Vērtējumi matemātikā uzlabojās no 3 līdz 5 ballēm; 9. klasē atbalsts jāturpina.',
    },
  },
];

type Weekday = SlotScript['weekday'];
const maths = (key: string, learners: string[], weekday: Weekday, time: string, extra: Partial<SlotScript> = {}) =>
  ({
    key,
    staff: ILZE,
    staffRole: 'subject_teacher',
    subject: 'maths',
    learners,
    weekday,
    time,
    minutes: 40,
    ...extra,
  }) as SlotScript;
const latvian = (key: string, learners: string[], weekday: Weekday, time: string) =>
  ({
    key,
    staff: ANDRIS,
    staffRole: 'subject_teacher',
    subject: 'latvian',
    learners,
    weekday,
    time,
    minutes: 40,
  }) as SlotScript;
const psychologist = (key: string, learner: string, weekday: Weekday, time: string, extra: Partial<SlotScript>) =>
  ({
    key,
    staff: DACE,
    staffRole: 'psychologist',
    learners: [learner],
    weekday,
    time,
    minutes: 40,
    ...extra,
  }) as SlotScript;
const social = (key: string, learner: string, weekday: Weekday, time: string) =>
  ({ key, staff: MARTA, staffRole: 'social_pedagogue', learners: [learner], weekday, time, minutes: 40 }) as SlotScript;

/** The maths teacher keeps hers as weekly schedules; 9.a meets as a group on Thursdays. */
export const CURRENT_SLOTS: SlotScript[] = [
  maths('ilze-005', ['demo-learner-005'], 2, '14:10', { schedule: true }),
  maths('ilze-9a', ['demo-learner-005', 'demo-learner-020'], 4, '14:10', { schedule: true }),
  maths('ilze-002', ['demo-learner-002'], 1, '14:10', { schedule: true }),
  maths('ilze-003', ['demo-learner-003'], 3, '14:10', { schedule: true }),
  maths('ilze-010', ['demo-learner-010'], 5, '13:20', { schedule: true }),
  latvian('andris-005', ['demo-learner-005'], 1, '15:00'),
  latvian('andris-020a', ['demo-learner-020'], 2, '15:00'),
  latvian('andris-020b', ['demo-learner-020'], 5, '13:20'),
  latvian('andris-030', ['demo-learner-030'], 3, '15:30'),
  psychologist('dace-002', 'demo-learner-002', 3, '12:30', { fortnightly: true }),
  psychologist('dace-016', 'demo-learner-016', 4, '12:30', { fortnightly: true }),
  psychologist('dace-036', 'demo-learner-036', 1, '13:00', { remote: 0.3 }),
  social('marta-003', 'demo-learner-003', 5, '10:00'),
  social('marta-016', 'demo-learner-016', 2, '11:00'),
];

export const PREVIOUS_SLOTS: SlotScript[] = [
  maths('ilze-005', ['demo-learner-005'], 2, '14:10'),
  latvian('andris-005', ['demo-learner-005'], 1, '15:00'),
];

/** How often a learner misses a session, unexcused and excused; everyone else: rarely. */
export const ABSENCES: Record<string, { unexcused: number; excused: number }> = {
  'demo-learner-003': { unexcused: 0.3, excused: 0.1 },
  'demo-learner-010': { unexcused: 0, excused: 0.25 },
  'demo-learner-016': { unexcused: 0.05, excused: 0.1 },
  'demo-learner-036': { unexcused: 0.15, excused: 0.05 },
};
export const USUAL_ABSENCES = { unexcused: 0.02, excused: 0.05 };

/** What was done in a session, by subject or specialist role. */
export const TOPICS: Record<string, string[]> = {
  maths: [
    'Daļskaitļi: saskaitīšana un atņemšana',
    'Procenti teksta uzdevumos',
    'Lineāri vienādojumi',
    'Pārbaudes darba kļūdu analīze',
    'Ģeometrija: laukumi un perimetri',
    'Gatavošanās ieskaitei',
    'Funkciju grafiki',
  ],
  latvian: [
    'Teksta izpratne: galvenā doma',
    'Pareizrakstība: garumzīmes un mīkstinājumi',
    'Eseja: plāns un ievads',
    'Lasīšana un pārstāstīšana',
    'Mācību priekšmetu vārdu krājums',
    'Gatavošanās eksāmena rakstu daļai',
  ],
  psychologist: [
    'Individuāla saruna',
    'Trauksmes mazināšanas paņēmieni',
    'Saruna par mācību slodzi un atpūtu',
    'Relaksācijas vingrinājumi',
  ],
  social_pedagogue: [
    'Saruna par kavējumiem',
    'Saziņa ar ģimeni',
    'Dienas režīma plānošana',
    'Saruna kopā ar klases audzinātāju',
  ],
};

/** The psychologist's notes about one learner: one private, one shared with the school's support team. */
export const NOTES = {
  learner: 'demo-learner-016',
  author: DACE,
  private:
    'Rainers stāsta, ka vakaros bieži paliek viens ar jaunākajiem brāļiem un guļ maz. Nākamreiz: dienas režīms; ' +
    'sazināties ar māti par atbalstu vakaros.',
  shared:
    'Atbalsta komandai: pēc strīdiem mājās Rainers mēdz būt noslēgts. Ieteikums skolotājiem: pirmdienās neprasīt ' +
    'atbildēt pie tāfeles, dot iespēju atbildēt rakstiski. Sociālā pedagoģe informēta.',
};

/** Ezerkalnu novads: both its schools' semester. */
export const EZERKALNI_STORY: DemoStory = {
  currentPlans: CURRENT_PLANS,
  previousPlans: PREVIOUS_PLANS,
  currentSlots: CURRENT_SLOTS,
  previousSlots: PREVIOUS_SLOTS,
  unconfirmed: [
    ['ilze.kalnina', 2],
    ['dace.liepa', 1],
  ],
  absences: ABSENCES,
  notes: NOTES,
};
