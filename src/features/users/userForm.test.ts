import { describe, expect, it } from 'vitest';
import { checkNewUser, emptyUserForm } from './userForm';

const values = {
  ...emptyUserForm,
  username: 'liga.rozite',
  displayName: 'Līga Rozīte',
  password: 'Zaļš-kalns-ezers-42',
};

describe('a new account’s schools', () => {
  it('are not asked of a national coordinator, who reaches no school (issue 11)', () => {
    const checked = checkNewUser({ ...values, roles: ['national_coordinator'] });
    expect(checked.ok ? {} : checked.errors).toEqual({});
  });

  it('are asked of a teacher', () => {
    const checked = checkNewUser({ ...values, roles: ['teacher'] });
    expect(checked.ok ? null : checked.errors.schoolIds).toEqual({ key: 'users:validation.schoolRequired' });
  });
});
