/** Accounts and sessions on the wire. Tokens are opaque random strings; the server keeps only their hashes. */
import { z } from 'zod';
import { idSchema, userRoles, userSchema } from '../../domain';

// Paths, codes and plain shapes without zod, for the sign-in screen's first load (issue 13.11).
export {
  AUTH_PREFIX,
  authErrorCodes,
  authPaths,
  passwordRefusals,
  userPath,
  USERS_PATH,
  type AuthStatus,
  type PasswordRefusal,
} from './authPaths';

export const passwordSchema = z.string().min(10).max(200);
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9._-]+$/);

export const loginRequestSchema = z.object({ username: usernameSchema, password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const setupRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200) });

/** What a device learns at sign-in: who this is, and tokens to sync with. */
export interface SessionResponse {
  user: z.infer<typeof userSchema>;
  accessToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
  refreshToken: string;
}

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
  roles: z.array(z.enum(userRoles)).min(1),
  specialistRoles: z.array(z.string().max(40)).default([]),
  subjects: z.array(z.string().max(40)).default([]),
  schoolIds: z.array(idSchema).default([]),
  municipalityId: idSchema.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
/** What a device sends: the defaulted lists may be left out. */
export type CreateUserInput = z.input<typeof createUserRequestSchema>;

/**
 * Changes to a managed user's directory entry; a field left out stays as it is, `municipalityId: null` removes it.
 * Unknown fields (username, active, ...) are refused: they have routes of their own, or never change.
 */
export const updateUserRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120),
    roles: z.array(z.enum(userRoles)).min(1),
    specialistRoles: z.array(z.string().max(40)),
    subjects: z.array(z.string().max(40)),
    schoolIds: z.array(idSchema),
    municipalityId: idSchema.nullable(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Nothing to change' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password: passwordSchema });
export const setActiveRequestSchema = z.object({ active: z.boolean() });
