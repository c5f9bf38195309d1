import { z } from 'zod';
import { measureKinds } from '../plan';

/**
 * A support programme's rules as data: its risk grid, measures, roles, subjects and compensation caps. PuMPuRS
 * (2017–2023) is the first; its successor may change any number without a code change. Labels are not here: the UI
 * translates each code through locales/<lang>/profile.json.
 */
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_.]*$/)
  .max(60);

export const compensationCapSchema = z.object({
  code,
  /** The most that may be paid per learner per period, in cents; absent where the programme sets no number. */
  capCents: z.number().int().min(0).optional(),
  period: z.enum(['month', 'semester']),
  vocationalOnly: z.boolean().default(false),
});
export type CompensationCap = z.infer<typeof compensationCapSchema>;

export const riskGroupSchema = z.object({ code, items: z.array(code).min(1) });

export const programmeProfileSchema = z.object({
  id: code,
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  riskGroups: z.array(riskGroupSchema).min(1),
  measureKinds: z.array(z.enum(measureKinds)).min(1),
  specialistRoles: z.array(code).min(1),
  subjects: z.array(code).min(1),
  compensations: z.array(compensationCapSchema).min(1),
  defaultConsultationMinutes: z.number().int().min(1).max(240),
  /** Share of planned support that should be delivered by the end of the semester. */
  deliveredTarget: z.number().min(0).max(1),
  youthProject: z.object({
    grantCents: z.number().int().min(0),
    minMonths: z.number().int().min(1),
    maxMonths: z.number().int().min(1),
  }),
});
export type ProgrammeProfile = z.infer<typeof programmeProfileSchema>;

/** Every code of a profile that needs a translation, as "kind.code". */
export function profileLabelKeys(profile: ProgrammeProfile): string[] {
  return [
    ...profile.riskGroups.map((g) => `riskGroup.${g.code}`),
    ...profile.riskGroups.flatMap((g) => g.items.map((i) => `risk.${i}`)),
    ...profile.specialistRoles.map((r) => `specialistRole.${r}`),
    ...profile.subjects.map((s) => `subject.${s}`),
    ...profile.compensations.map((c) => `compensation.${c.code}`),
  ];
}
