import type { z } from 'zod';
import type { User, UserRole } from '../../domain';
import {
  AuthError,
  createUserRequestSchema,
  OfflineError,
  passwordRefusals,
  updateUserRequestSchema,
  type CreateUserInput,
  type UpdateUserRequest,
} from '../../sync';
import { fieldErrorsFrom, type FieldErrors } from '../forms';

export interface UserFormValues {
  username: string;
  displayName: string;
  /** The initial password: asked for new users only. */
  password: string;
  roles: UserRole[];
  schoolIds: string[];
  /** '' when none. */
  municipalityId: string;
}
export type UserField = keyof UserFormValues;
export type UserFieldErrors = FieldErrors<UserField>;

export const emptyUserForm: UserFormValues = {
  username: '',
  displayName: '',
  password: '',
  roles: [],
  schoolIds: [],
  municipalityId: '',
};

export const formValuesOf = (user: User): UserFormValues => ({
  username: user.username,
  displayName: user.displayName,
  password: '',
  roles: [...user.roles],
  schoolIds: [...user.schoolIds],
  municipalityId: user.municipalityId ?? '',
});

/** Roles that reach beyond a school's walls; everyone else works in at least one school. */
const reachesWithoutSchool = (roles: readonly UserRole[]) =>
  roles.includes('administrator') || roles.includes('municipal_coordinator') || roles.includes('national_coordinator');

/** Turns the wire schema's issues into messages that say what to type, not what the validator saw. */
const messages: z.core.$ZodErrorMap = (issue) => {
  const field = issue.path?.[0];
  if (field === 'username') return issue.input === '' ? 'common:validation.required' : 'users:validation.username';
  if (field === 'password' && issue.code === 'too_small') return 'users:validation.passwordLength';
  if (field === 'roles' && issue.code === 'too_small') return 'users:validation.rolesRequired';
  return undefined;
};

function errorsOf(error: z.ZodError | undefined, values: UserFormValues): UserFieldErrors {
  const errors: UserFieldErrors = {};
  if (error) {
    const generic = fieldErrorsFrom(error) as UserFieldErrors;
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '') as UserField;
      if (!field || errors[field]) continue;
      errors[field] = /^(users|common):/.test(issue.message) ? { key: issue.message } : generic[field];
    }
  }
  if (!errors.schoolIds && values.roles.length > 0 && !reachesWithoutSchool(values.roles) && !values.schoolIds.length)
    errors.schoolIds = { key: 'users:validation.schoolRequired' };
  if (!errors.municipalityId && values.roles.includes('municipal_coordinator') && !values.municipalityId)
    errors.municipalityId = { key: 'users:validation.municipalityRequired' };
  return errors;
}

const hasErrors = (errors: UserFieldErrors) => Object.values(errors).some(Boolean);

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: UserFieldErrors };

/** Validates with the very schema the server applies, plus the rules that make an account useful. */
export function checkNewUser(values: UserFormValues): Checked<CreateUserInput> {
  const parsed = createUserRequestSchema.safeParse(
    {
      username: values.username,
      displayName: values.displayName,
      password: values.password,
      roles: values.roles,
      schoolIds: values.schoolIds,
      ...(values.municipalityId ? { municipalityId: values.municipalityId } : {}),
    },
    { error: messages },
  );
  const errors = errorsOf(parsed.error, values);
  return parsed.success && !hasErrors(errors) ? { ok: true, value: parsed.data } : { ok: false, errors };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed travels, so a colleague's edit of another field at the same time is not undone. */
export function checkChanges(values: UserFormValues, before: User): Checked<UpdateUserRequest | null> {
  const parsed = updateUserRequestSchema.safeParse(
    {
      displayName: values.displayName,
      roles: values.roles,
      schoolIds: values.schoolIds,
      municipalityId: values.municipalityId || null,
    },
    { error: messages },
  );
  const errors = errorsOf(parsed.error, values);
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  const next = parsed.data;
  const changes: UpdateUserRequest = {
    ...(next.displayName !== before.displayName ? { displayName: next.displayName } : {}),
    ...(next.roles && !sameSet(next.roles, before.roles) ? { roles: next.roles } : {}),
    ...(next.schoolIds && !sameSet(next.schoolIds, before.schoolIds) ? { schoolIds: next.schoolIds } : {}),
    ...((next.municipalityId ?? undefined) !== before.municipalityId ? { municipalityId: next.municipalityId } : {}),
  };
  return { ok: true, value: Object.keys(changes).length ? changes : null };
}

const REFUSALS = ['forbidden', 'username_taken', 'not_found', 'invalid_request', 'account_disabled'];
const SIGNED_OUT = ['signed_out', 'invalid_token', 'token_expired'];

/** A refusal or failure in plain words; the typed values stay in the form whatever happened. */
export function problemKey(error: unknown): string {
  if (error instanceof OfflineError) return 'users:errors.offline';
  if (error instanceof AuthError) {
    if (REFUSALS.includes(error.code)) return `users:errors.${error.code}`;
    if (SIGNED_OUT.includes(error.code)) return 'users:errors.signedOut';
    if ((passwordRefusals as readonly string[]).includes(error.code)) return `users:passwordRefusals.${error.code}`;
  }
  return 'users:errors.server';
}
