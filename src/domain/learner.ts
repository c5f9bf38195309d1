import { z } from 'zod';
import { dateSchema, entityBase, idSchema, textSchema } from './primitives';

export const learnerProgrammes = ['general', 'vocational'] as const;
export const consentSigners = ['parent', 'guardian', 'learner'] as const;

export const guardianSchema = z.object({
  id: idSchema,
  name: textSchema().trim().min(1).max(120),
  relation: textSchema().trim().max(40).optional(),
  phone: textSchema().trim().max(40).optional(),
  email: z.email().max(120).optional(),
});
export type Guardian = z.infer<typeof guardianSchema>;

/** The signed application / consent a plan starts from. */
export const consentSchema = z.object({
  signedOn: dateSchema,
  signedBy: textSchema().trim().min(1).max(120),
  signerRole: z.enum(consentSigners),
});
export type Consent = z.infer<typeof consentSchema>;

/** The fields a person types in; shared by the learner form and the stored entity. */
export const learnerFieldsSchema = z.object({
  firstName: textSchema().trim().min(1).max(80),
  lastName: textSchema().trim().min(1).max(80),
  /** A class (e.g. "7.b") or, for vocational students, a course and group (e.g. "2. kurss, AM-21"). */
  className: textSchema().trim().min(1).max(40),
  programme: z.enum(learnerProgrammes),
  birthDate: dateSchema.optional(),
  /**
   * Whether the learner's declared home is in another municipality than the school's (002: "7 audzēkņi no citām
   * pašvaldībām saņēma atbalstu transporta izdevumu segšanai"). The figure needs only this, so the device needs no
   * list of the country's municipalities to record it; absent: not stated. Not sensitive beyond the learner's name:
   * it names no place.
   */
  livesInOtherMunicipality: z.boolean().optional(),
});
export type LearnerFields = z.infer<typeof learnerFieldsSchema>;

/**
 * Why a learner is no longer at the school (issue 12). Leaving school without finishing it is what the programme
 * exists to prevent: the reports count each reason apart.
 */
export const exitReasons = ['graduated', 'left_school', 'moved_abroad', 'moved_school'] as const;
export type ExitReason = (typeof exitReasons)[number];
export const learnerExitSchema = z.object({ reason: z.enum(exitReasons), on: dateSchema });
export type LearnerExit = z.infer<typeof learnerExitSchema>;

/** A move to another school (a merger, a closure, a family that moved): made on the server, with the records. */
export const learnerTransferSchema = z.object({
  fromSchoolId: idSchema,
  toSchoolId: idSchema,
  on: dateSchema,
  byId: idSchema,
});
export type LearnerTransfer = z.infer<typeof learnerTransferSchema>;

export const learnerSchema = z.object({
  ...entityBase,
  ...learnerFieldsSchema.shape,
  schoolId: idSchema,
  guardians: z.array(guardianSchema).max(10),
  consent: consentSchema.optional(),
  /** Set together with `exit`: an archived learner is off the lists but in the past months' records. */
  archived: z.boolean(),
  exit: learnerExitSchema.optional(),
  /** The schools the learner came from, oldest first. */
  transfers: z.array(learnerTransferSchema).max(50).optional(),
});
export type Learner = z.infer<typeof learnerSchema>;
