import { z } from 'zod';
import { entityBase, idSchema, textSchema } from './primitives';

export const municipalitySchema = z.object({
  ...entityBase,
  name: textSchema().trim().min(1).max(120),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const schoolKinds = ['general', 'vocational'] as const;
export const schoolSchema = z.object({
  ...entityBase,
  name: textSchema().trim().min(1).max(160),
  kind: z.enum(schoolKinds),
  municipalityId: idSchema,
  /** State-founded vocational schools send plans to the director only, skipping the municipal coordinator. */
  stateFounded: z.boolean(),
});
export type School = z.infer<typeof schoolSchema>;

export const userRoles = [
  'teacher',
  'psychologist',
  'social_pedagogue',
  'plan_preparer',
  'director',
  'school_coordinator',
  /**
   * A school's accountant (grāmatvedis, 004: "2 grāmatveži"): reads the school's learners and compensations, moves
   * compensations on (approved, paid) and records their own indirect work; nothing confidential (access/permissions.ts).
   */
  'accountant',
  'municipal_coordinator',
  /** The programme agency's coordinator: the state's report (issue 11), and no learner-level data (access/reach.ts). */
  'national_coordinator',
  'administrator',
] as const;
export type UserRole = (typeof userRoles)[number];

/** A staff member as other devices see them: the directory entry, never credentials. */
export const userSchema = z.object({
  ...entityBase,
  username: textSchema().trim().min(2).max(60),
  displayName: textSchema().trim().min(1).max(120),
  roles: z.array(z.enum(userRoles)).min(1),
  /** Profile specialist role codes (e.g. consulting_teacher) this person works as. */
  specialistRoles: z.array(textSchema().max(40)).default([]),
  /** Profile subject codes this person teaches. */
  subjects: z.array(textSchema().max(40)).default([]),
  schoolIds: z.array(idSchema),
  municipalityId: idSchema.optional(),
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
