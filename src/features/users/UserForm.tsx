import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { userRoles, type User, type UserRole } from '../../domain';
import { AuthError, passwordRefusals, type CreateUserInput, type UpdateUserRequest } from '../../sync';
import { CheckboxGroup, SelectField, TextField, useValidatedForm, type SaveFailure } from '../forms';
import {
  checkChanges,
  checkNewUser,
  emptyUserForm,
  formValuesOf,
  problemKey,
  type UserField,
  type UserFormValues,
} from './userForm';

interface Named {
  id: string;
  name: string;
}

export interface UserFormProps {
  /** null: a new person. */
  user: User | null;
  /** The roles this manager may grant. */
  grantableRoles: readonly UserRole[];
  schools: readonly Named[];
  municipalities: readonly Named[];
  /** Seen, not changed: oneself, or someone out of the manager's reach. */
  readOnly?: boolean;
  /** Both may throw OfflineError or AuthError: the form says why and keeps every typed value. */
  onCreate: (request: CreateUserInput) => Promise<void>;
  onUpdate: (changes: UpdateUserRequest | null) => Promise<void>;
  onCancel: () => void;
}

/** Options for the person's current values that this device cannot name are kept, so nothing is lost silently. */
function withCurrent(options: readonly Named[], current: readonly string[], unknownLabel: (id: string) => string) {
  const missing = current.filter((id) => id && !options.some((o) => o.id === id));
  return [...options, ...missing.map((id) => ({ id, name: unknownLabel(id) }))];
}

/** A refusal or failure in plain words for the form, and next to the field it is about; every typed value stays. */
function refusal(error: unknown): SaveFailure<UserField> {
  const errors =
    error instanceof AuthError && error.code === 'username_taken'
      ? { username: { key: 'users:errors.username_taken' } }
      : error instanceof AuthError && (passwordRefusals as readonly string[]).includes(error.code)
        ? { password: { key: `users:passwordRefusals.${error.code}` } }
        : {};
  return { errors, problem: { key: problemKey(error) } };
}

export function UserForm(props: UserFormProps) {
  const { user, readOnly = false } = props;
  const { t } = useTranslation(['users', 'common']);
  const problemId = useId();
  const { values, errors, problem, saving, set, field, submit } = useValidatedForm<
    UserFormValues,
    { create: CreateUserInput } | { update: UpdateUserRequest | null }
  >(
    user ? formValuesOf(user) : emptyUserForm,
    // Validated with the schema the server applies; invalid values stay for the person to fix.
    (typed) => {
      if (user) {
        const changes = checkChanges(typed, user);
        return changes.ok ? { ok: true, value: { update: changes.value } } : changes;
      }
      const created = checkNewUser(typed);
      return created.ok ? { ok: true, value: { create: created.value } } : created;
    },
    (request) => ('create' in request ? props.onCreate(request.create) : props.onUpdate(request.update)),
    { failure: refusal },
  );

  const roleOptions = userRoles
    .filter((r) => props.grantableRoles.includes(r) || values.roles.includes(r))
    .map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const schoolOptions = withCurrent(props.schools, values.schoolIds, (id) => t('unknownPlace', { id })).map((s) => ({
    value: s.id,
    label: s.name,
  }));
  const municipalities = withCurrent(props.municipalities, [values.municipalityId], (id) => t('unknownPlace', { id }));
  const showMunicipality =
    values.municipalityId !== '' ||
    (values.roles.includes('municipal_coordinator') && props.grantableRoles.includes('municipal_coordinator'));

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={problem ? problemId : undefined}
    >
      <fieldset className="form__fieldset" disabled={readOnly}>
        <div className="form__grid">
          <TextField
            label={t('fields.username')}
            hint={user ? undefined : t('fields.usernameHint')}
            {...field('username')}
            readOnly={user !== null}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t('fields.displayName')}
            {...field('displayName')}
            autoComplete="off"
            autoCapitalize="words"
            required
          />
          {user ? null : (
            <TextField
              label={t('fields.password')}
              hint={t('fields.passwordHint')}
              type="password"
              {...field('password')}
              autoComplete="new-password"
              required
            />
          )}
        </div>
        <CheckboxGroup
          legend={t('fields.roles')}
          options={roleOptions}
          selected={values.roles}
          onChange={(roles) => set('roles')(roles)}
          error={errors.roles}
        />
        <CheckboxGroup
          legend={t('fields.schools')}
          hint={schoolOptions.length ? undefined : t('fields.noSchoolsHere')}
          options={schoolOptions}
          selected={values.schoolIds}
          onChange={(schoolIds) => set('schoolIds')(schoolIds)}
          error={errors.schoolIds}
        />
        {showMunicipality ? (
          <SelectField label={t('fields.municipality')} {...field('municipalityId')}>
            <option value="">{t('fields.noMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </fieldset>
      {problem ? (
        <p id={problemId} className="form__problem" role="alert">
          {t(problem.key)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {readOnly ? t('actions.back') : t('common:actions.cancel')}
        </button>
        {readOnly ? null : (
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common:actions.saving') : user ? t('common:actions.save') : t('actions.create')}
          </button>
        )}
      </div>
    </form>
  );
}
