/**
 * Rudzupes novads's semester (demoRudzupe.ts says where and who), told as Ezerkalni's is in demoStory.ts: this
 * semester's plans along the workflow, and last semester's, all evaluated, with every outcome a report counts (five
 * improved, two without improvement and why, one no longer needed, two continuing now). Enough learners that the
 * state's report shows the two municipalities side by side with figures above the small-count threshold.
 * Learner ids follow demoRudzupe.ts (041–070); those without a signed application have no plan.
 */
import type { DemoStory, MeasureScript, PlanScript, SlotScript, StaffName, StepScript } from './demoStory';

const BAIBA: StaffName = 'baiba.sproge';
const LAILA: StaffName = 'laila.priede';
const learner = (n: number) => `demo-learner-${String(n).padStart(3, '0')}`;

const risk = (code: string, note: string) => ({ code, note });
const step = (action: StepScript['action'], by: StaffName, day: number): StepScript => ({ action, by, day });
/** A municipal school's usual path: drafted, sent, approved by the director, then the municipality, started. */
const approvedAndStarted = (by: StaffName, [c, s, d, m, st]: number[], first: StepScript['action'] = 'created') => [
  step(first, by, c ?? 0),
  step('submit', by, s ?? 0),
  step('approve', 'aivars.lapins', d ?? 0),
  step('approve', 'gunta.abele', m ?? 0),
  step('start', by, st ?? 0),
];
const maths = (risks: number[], coverage: number, justification: string): MeasureScript => ({
  key: 'maths',
  kind: 'subject_consultation',
  subject: 'maths',
  staff: BAIBA,
  risks,
  coverage,
  justification,
});
const social = (risks: number[], coverage: number, justification: string): MeasureScript => ({
  key: 'social',
  kind: 'specialist_consultation',
  specialistRole: 'social_pedagogue',
  staff: LAILA,
  risks,
  coverage,
  justification,
});
const meals = (risks: number[]): MeasureScript => ({
  key: 'meals',
  kind: 'compensation',
  compensationCategory: 'meals',
  plannedMonthlyCents: 6400,
  risks,
  justification: 'Pusdienu kompensācija skolas ēdnīcā, 3,20 € dienā.',
  note: 'Pusdienas skolas ēdnīcā',
});
const plan = (n: number, preparer: StaffName, fields: Omit<PlanScript, 'learner' | 'preparers'>): PlanScript => ({
  learner: learner(n),
  preparers: [preparer],
  ...fields,
});

const CURRENT_PLANS: PlanScript[] = [
  plan(42, LAILA, {
    risks: [
      risk('economic.meals', 'Ģimene dzīvo kaimiņu novadā; tēvs bez darba, pusdienas netiek apmaksātas.'),
      risk('family.low_involvement', 'Vecāki skolā nav bijuši kopš septembra.'),
    ],
    measures: [meals([0]), social([1], 0.8, 'Sarunas ar zēnu un saziņa ar vecākiem reizi nedēļā.')],
    steps: approvedAndStarted(LAILA, [3, 5, 7, 9, 10]),
  }),
  plan(44, BAIBA, {
    risks: [risk('learning.difficulty_mastering', 'Gatavojas centralizētajam eksāmenam matemātikā; vērtējumi 4–5.')],
    measures: [maths([0], 0.7, 'Konsultācijas matemātikā reizi nedēļā; eksāmena uzdevumu paraugi.')],
    steps: approvedAndStarted(BAIBA, [2, 4, 6, 8, 9], 'created_from_previous'),
  }),
  plan(45, BAIBA, {
    risks: [risk('learning.low_achievement', 'Matemātikā vērtējumi zem 4 ballēm kopš 5. klases.')],
    measures: [maths([0], 1, 'Individuālas konsultācijas matemātikā reizi nedēļā: reizināšana un dalīšana.')],
    steps: approvedAndStarted(BAIBA, [4, 6, 8, 10, 11]),
  }),
  plan(47, LAILA, {
    risks: [risk('economic.meals', 'Daudzbērnu ģimene; māte audzina četrus bērnus viena.')],
    measures: [meals([0])],
    steps: approvedAndStarted(LAILA, [3, 4, 6, 8, 9]),
  }),
  plan(48, LAILA, {
    risks: [
      risk('other.unjustified_absences', 'Oktobrī 20 neattaisnoti kavētas stundas.'),
      risk('personality.motivation', 'Saka, ka skolā „garlaicīgi”; mājasdarbi netiek pildīti.'),
    ],
    measures: [
      social([0, 1], 1, 'Iknedēļas sarunas par kavējumiem; sadarbība ar klases audzinātāju.'),
      maths([1], 0.8, 'Konsultācijas matemātikā, lai panāktu nokavēto.'),
    ],
    steps: approvedAndStarted(LAILA, [5, 7, 9, 11, 12]),
  }),
  plan(50, LAILA, {
    risks: [risk('economic.meals', 'Ģimene saņem trūcīgās ģimenes statusu; pusdienas netiek apmaksātas.')],
    measures: [meals([0])],
    steps: approvedAndStarted(LAILA, [4, 5, 7, 9, 10]),
  }),
  plan(52, BAIBA, {
    risks: [
      risk('economic.transport', 'Dzīvo Lejasmuižā, 18 km no skolas; brauc ar starppilsētu autobusu.'),
      risk('learning.missed_content', 'Pārgāja no citas skolas; nokavēta vektoru tēma.'),
    ],
    measures: [
      {
        key: 'bus',
        kind: 'compensation',
        compensationCategory: 'intercity_transport',
        plannedMonthlyCents: 2500,
        risks: [0],
        justification: 'Mēneša biļete starppilsētu autobusam Lejasmuiža–Rudzupe.',
        note: 'Mēneša biļete Lejasmuiža–Rudzupe',
        currentStatus: 'requested',
      },
      maths([1], 0.9, 'Nokavētās tēmas apguve matemātikā reizi nedēļā, daļa attālināti.'),
    ],
    steps: approvedAndStarted(BAIBA, [3, 5, 7, 9, 10]),
  }),
  plan(55, LAILA, {
    risks: [
      risk('family.conflicts', 'Vecāki šķiras; zēns stāsta par strīdiem mājās.'),
      risk('personality.emotional_state', 'Stundās noslēgts, ar klasesbiedriem nerunā.'),
    ],
    measures: [social([0, 1], 0.9, 'Sociālā pedagoga sarunas reizi nedēļā; sadarbība ar sociālo dienestu.')],
    steps: approvedAndStarted(LAILA, [6, 8, 10, 12, 13]),
  }),
  plan(58, BAIBA, {
    risks: [risk('learning.difficulty_mastering', 'Matemātikā grūtības ar teksta uzdevumiem; 9. klasē eksāmens.')],
    measures: [maths([0], 0.6, 'Konsultācijas matemātikā grupā ar klasesbiedru reizi nedēļā.')],
    steps: approvedAndStarted(BAIBA, [2, 4, 6, 8, 9], 'created_from_previous'),
  }),
  plan(59, BAIBA, {
    risks: [
      risk('learning.low_achievement', 'Matemātikā vērtējumi 3 balles.'),
      risk('personality.self_esteem', 'Uzskata, ka matemātika „nav viņam domāta”.'),
    ],
    measures: [
      maths([0], 1, 'Konsultācijas matemātikā divreiz nedēļā (individuāli un grupā).'),
      social([1], 0.5, 'Sarunas reizi divās nedēļās par mācību mērķiem.'),
    ],
    steps: approvedAndStarted(BAIBA, [5, 7, 9, 11, 12]),
  }),
  plan(60, BAIBA, {
    risks: [risk('learning.missed_content', 'Novembrī trīs nedēļas slimoja; nokavēti vienādojumi.')],
    measures: [maths([0], 1, 'Nokavētās tēmas apguve matemātikā reizi nedēļā.')],
    steps: [
      step('created', BAIBA, -10),
      step('submit', BAIBA, -7),
      step('approve', 'aivars.lapins', -5),
      step('approve', 'gunta.abele', -2),
    ],
  }),
  plan(61, LAILA, {
    risks: [risk('family.parents_abroad', 'Māte strādā Vācijā; meitene dzīvo pie vecmāmiņas.')],
    measures: [social([0], 0.5, 'Sarunas reizi divās nedēļās; saziņa ar māti attālināti.')],
    steps: [step('created', LAILA, -8), step('submit', LAILA, -5), step('approve', 'aivars.lapins', -2)],
  }),
  plan(62, BAIBA, {
    risks: [risk('learning.low_achievement', 'Matemātikā divi nesekmīgi vērtējumi pēc kārtas.')],
    measures: [maths([0], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    steps: [step('created', BAIBA, -3)],
  }),
];

/** Last semester's plans, each evaluated in its last school days. */
const evaluated = (
  n: number,
  preparer: StaffName,
  risks: PlanScript['risks'],
  measures: MeasureScript[],
  evaluation: NonNullable<PlanScript['evaluation']>,
  start: number,
  evaluateDay: number,
): PlanScript =>
  plan(n, preparer, {
    risks,
    measures,
    steps: [
      ...approvedAndStarted(preparer, [start, start + 2, start + 4, start + 6, start + 7]),
      step('evaluate', preparer, evaluateDay),
    ],
    evaluation,
  });
const improved = (note: string) => ({ outcome: 'improved' as const, note });

const PREVIOUS_PLANS: PlanScript[] = [
  evaluated(
    44,
    BAIBA,
    [risk('learning.difficulty_mastering', 'Matemātikā vērtējumi 3–4 balles.')],
    [maths([0], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    { outcome: 'continues', note: 'Vērtējumi uzlabojās līdz 5 ballēm; pirms eksāmena atbalsts jāturpina.' },
    2,
    -1,
  ),
  evaluated(
    58,
    BAIBA,
    [risk('learning.difficulty_mastering', 'Grūtības ar teksta uzdevumiem.')],
    [maths([0], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    { outcome: 'continues', note: 'Teksta uzdevumus risina patstāvīgi, bet lēni; atbalsts turpinās.' },
    3,
    -1,
  ),
  evaluated(
    46,
    BAIBA,
    [risk('learning.low_achievement', 'Matemātikā vērtējumi 3 balles.')],
    [maths([0], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    improved('Semestra vērtējums matemātikā 6 balles.'),
    2,
    -2,
  ),
  evaluated(
    51,
    BAIBA,
    [risk('learning.missed_content', 'Ziemā ilgstoši slimoja; nokavētas ģeometrijas tēmas.')],
    [maths([0], 0.9, 'Nokavēto tēmu apguve matemātikā reizi nedēļā.')],
    improved('Nokavētais apgūts; ieskaites nokārtotas.'),
    4,
    -2,
  ),
  evaluated(
    53,
    BAIBA,
    [risk('learning.difficulty_mastering', 'Grūtības ar funkcijām un grafikiem.')],
    [maths([0], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    improved('Pārbaudes darbos vērtējumi no 4 līdz 6 ballēm.'),
    3,
    -3,
  ),
  evaluated(
    65,
    LAILA,
    [risk('other.starting_work', 'Strādā vakaros kafejnīcā; kavē pirmās stundas.')],
    [social([0], 1, 'Sarunas par mācību un darba apvienošanu reizi nedēļā.')],
    improved('Darba grafiks saskaņots ar mācībām; kavējumu vairs nav.'),
    5,
    -1,
  ),
  evaluated(
    66,
    LAILA,
    [
      risk('economic.meals', 'Ģimenē pieci bērni; pusdienas netiek apmaksātas.'),
      risk('personality.behaviour', 'Stundās traucē klasesbiedriem.'),
    ],
    [meals([0]), social([1], 0.8, 'Sarunas par uzvedību reizi nedēļā.')],
    improved('Uzvedība stundās labāka; pusdienas ēd katru dienu.'),
    2,
    -2,
  ),
  evaluated(
    56,
    LAILA,
    [
      risk('other.unjustified_absences', 'Janvārī 25 neattaisnoti kavētas stundas.'),
      risk('personality.motivation', 'Nevēlas mācīties; saka, ka pēc 9. klases strādās.'),
    ],
    [social([0, 1], 1, 'Iknedēļas sarunas par kavējumiem un nākotnes plāniem.')],
    {
      outcome: 'no_improvement',
      reasons: ['lack_of_motivation', 'unexcused_absence'],
      note: 'Uz sarunām nāca reti; kavējumu skaits nemazinājās.',
    },
    3,
    -1,
  ),
  evaluated(
    63,
    BAIBA,
    [
      risk('learning.low_achievement', 'Matemātikā nesekmīgi vērtējumi.'),
      risk('family.low_involvement', 'Vecāki neatbild uz skolas ziņām.'),
    ],
    [maths([0, 1], 1, 'Konsultācijas matemātikā reizi nedēļā.')],
    {
      outcome: 'no_improvement',
      reasons: ['parents_indifference'],
      note: 'Vērtējumi nemainījās; vecāki uz tikšanos neieradās.',
    },
    4,
    -3,
  ),
  evaluated(
    64,
    LAILA,
    [risk('personality.emotional_state', 'Pēc pārcelšanās uz jaunu skolu noslēgta, raud starpbrīžos.')],
    [social([0], 0.8, 'Sarunas reizi nedēļā, iejušanās jaunajā klasē.')],
    { outcome: 'no_longer_needed', note: 'Iejutusies klasē, atrada draugus; atbalsts vairs nav vajadzīgs.' },
    2,
    -2,
  ),
];

type Weekday = SlotScript['weekday'];
const baiba = (key: string, learners: number[], weekday: Weekday, time: string, extra: Partial<SlotScript> = {}) =>
  ({
    key: `baiba-${key}`,
    staff: BAIBA,
    staffRole: 'subject_teacher',
    subject: 'maths',
    learners: learners.map(learner),
    weekday,
    time,
    minutes: 40,
    ...extra,
  }) as SlotScript;
const laila = (key: string, n: number, weekday: Weekday, time: string, extra: Partial<SlotScript> = {}) =>
  ({
    key: `laila-${key}`,
    staff: LAILA,
    staffRole: 'social_pedagogue',
    learners: [learner(n)],
    weekday,
    time,
    minutes: 40,
    ...extra,
  }) as SlotScript;

/** The maths teacher keeps her individual sessions as weekly schedules; two 9.a pupils meet as a group on Tuesdays. */
const CURRENT_SLOTS: SlotScript[] = [
  baiba('044', [44], 1, '14:10', { schedule: true }),
  baiba('9a', [58, 59], 2, '14:10', { schedule: true }),
  baiba('045', [45], 3, '14:10', { schedule: true }),
  baiba('048', [48], 4, '14:10'),
  baiba('052', [52], 5, '13:20', { remote: 0.25 }),
  baiba('059', [59], 4, '15:00'),
  laila('042', 42, 1, '11:00'),
  laila('048', 48, 2, '10:00'),
  laila('055', 55, 3, '11:00'),
  laila('059', 59, 5, '10:00', { fortnightly: true }),
];

const PREVIOUS_SLOTS: SlotScript[] = [
  baiba('p044', [44], 1, '14:10'),
  baiba('p058', [58], 2, '14:10'),
  baiba('p046', [46], 3, '14:10'),
  baiba('p051', [51], 4, '14:10'),
  baiba('p053', [53], 5, '13:20'),
  baiba('p063', [63], 4, '15:00'),
  laila('p065', 65, 1, '11:00'),
  laila('p056', 56, 2, '10:00'),
  laila('p064', 64, 3, '11:00'),
  laila('p066', 66, 5, '10:00'),
];

export const RUDZUPE_STORY: DemoStory = {
  currentPlans: CURRENT_PLANS,
  previousPlans: PREVIOUS_PLANS,
  currentSlots: CURRENT_SLOTS,
  previousSlots: PREVIOUS_SLOTS,
  absences: {
    [learner(48)]: { unexcused: 0.25, excused: 0.05 },
    [learner(55)]: { unexcused: 0, excused: 0.15 },
    [learner(56)]: { unexcused: 0.4, excused: 0.05 },
    [learner(63)]: { unexcused: 0.2, excused: 0.1 },
  },
  unconfirmed: [[BAIBA, 1]],
};
