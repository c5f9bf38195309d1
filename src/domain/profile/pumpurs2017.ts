import type { ProgrammeProfile } from './programmeProfile';

/**
 * PuMPuRS, ESF project 8.3.4.0/16/I/001 (2017–2023), as its project pages and the schools' and municipalities' news of
 * 2018–2022 describe it: the risk grid of four groups (plus the signs that fit no group: absences, pregnancy, starting
 * work, conflicts at school), the compensation caps, 40-minute consultations, the 90% delivery target, and 4,600 €
 * youth projects of 3–18 months.
 */
export const pumpurs2017: ProgrammeProfile = {
  id: 'pumpurs_2017',
  years: { from: 2017, to: 2023 },
  riskGroups: [
    {
      code: 'learning',
      items: [
        'learning.difficulty_mastering',
        'learning.missed_content',
        'learning.language_barrier',
        'learning.low_achievement',
      ],
    },
    {
      code: 'personality',
      items: [
        'personality.motivation',
        'personality.behaviour',
        'personality.health',
        'personality.emotional_state',
        'personality.self_esteem',
      ],
    },
    {
      code: 'family',
      items: ['family.low_involvement', 'family.parents_abroad', 'family.addiction', 'family.conflicts'],
    },
    {
      code: 'economic',
      items: ['economic.meals', 'economic.transport', 'economic.accommodation', 'economic.school_things'],
    },
    {
      code: 'other',
      items: [
        'other.unjustified_absences',
        'other.pregnancy',
        // Marriage and negative peer influence: named among the risks in the Liepāja sources (seed 002).
        'other.marriage',
        'other.starting_work',
        'other.school_conflicts',
        'other.negative_peer_influence',
      ],
    },
  ],
  measureKinds: ['subject_consultation', 'specialist_consultation', 'compensation'],
  specialistRoles: [
    'consulting_teacher',
    'psychologist',
    'social_pedagogue',
    'teacher_assistant',
    'special_education_teacher',
    'sign_language_interpreter',
    'assistant',
    'occupational_therapist',
  ],
  subjects: [
    'maths',
    'latvian',
    'english',
    'russian',
    'german',
    'physics',
    'chemistry',
    'biology',
    'history',
    'geography',
    'informatics',
    'vocational',
    'other',
  ],
  compensations: [
    { code: 'intercity_transport', capCents: 3000, period: 'month', vocationalOnly: false },
    { code: 'accommodation', capCents: 3500, period: 'month', vocationalOnly: false },
    { code: 'meals', capCents: 7000, period: 'month', vocationalOnly: false },
    { code: 'personal_items', capCents: 2500, period: 'semester', vocationalOnly: false },
    { code: 'special_transport', capCents: 3000, period: 'month', vocationalOnly: false },
    // The sources name no amount for individual learning materials; the school decides within its budget.
    { code: 'learning_materials', period: 'semester', vocationalOnly: true },
  ],
  defaultConsultationMinutes: 40,
  deliveredTarget: 0.9,
  youthProject: { grantCents: 460_000, minMonths: 3, maxMonths: 18 },
};

export const profiles: Record<string, ProgrammeProfile> = { [pumpurs2017.id]: pumpurs2017 };
export const defaultProfile = pumpurs2017;
