import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guardianSchema, type Guardian, type Learner } from '../../domain';
import { removeGuardian, saveGuardian, useDatabase } from '../../db';
import { fieldErrorsFrom, TextField, useValidatedForm, type FieldErrors, type Validated } from '../forms';
import { notify } from '../notifications';
import { ConfirmPanel } from './ConfirmPanel';

export interface GuardianFormValues {
  name: string;
  relation: string;
  phone: string;
  email: string;
}
type GuardianInput = Omit<Guardian, 'id'>;

export const emptyGuardianForm: GuardianFormValues = { name: '', relation: '', phone: '', email: '' };
/** learnerSchema allows ten. */
const MAX_GUARDIANS = 10;
const RELATIONS = ['mother', 'father', 'guardian', 'grandmother', 'grandfather'] as const;
/** Digits with the separators people write: "+371 2612 3456", "(67) 123-456". */
const PHONE = /^[+\d\s().-]*\d[\d\s().-]*$/;

const guardianInputSchema = guardianSchema.omit({ id: true });

/** What was typed, as the domain's guardian: trimmed, an empty optional field left out; or errors per field. */
export function toGuardian(values: GuardianFormValues): Validated<keyof GuardianFormValues, GuardianInput> {
  const optional = (text: string) => text.trim() || undefined;
  const parsed = guardianInputSchema.safeParse({
    name: values.name,
    relation: optional(values.relation),
    phone: optional(values.phone),
    email: optional(values.email),
  });
  const errors: FieldErrors<keyof GuardianFormValues> = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (errors.email?.key === 'common:validation.invalid') errors.email = { key: 'learners:guardians.errors.email' };
  const phone = values.phone.trim();
  if (phone && !errors.phone && !PHONE.test(phone)) errors.phone = { key: 'learners:guardians.errors.phone' };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export function guardianFormValues(guardian: Guardian): GuardianFormValues {
  return {
    name: guardian.name,
    relation: guardian.relation ?? '',
    phone: guardian.phone ?? '',
    email: guardian.email ?? '',
  };
}

interface GuardianFormProps {
  title: string;
  initial: GuardianFormValues;
  /** May throw: the form stays open with everything typed. */
  onSubmit: (guardian: GuardianInput) => Promise<void>;
  onCancel: () => void;
}

/** One parent or guardian; errors sit next to their field, in the person's language, and nothing typed is lost. */
export function GuardianForm({ title, initial, onSubmit, onCancel }: GuardianFormProps) {
  const { t } = useTranslation(['learners', 'common']);
  const relationsId = useId();
  const { saving, field, submit } = useValidatedForm(initial, toGuardian, (guardian) => onSubmit(guardian));

  return (
    <form className="form" aria-label={title} onSubmit={submit} noValidate>
      <h3 className="learner-subform__title">{title}</h3>
      <div className="form__grid">
        <TextField
          label={t('guardians.fields.name')}
          {...field('name')}
          autoComplete="off"
          autoCapitalize="words"
          autoFocus
          required
        />
        <TextField
          label={t('guardians.fields.relation')}
          optional
          list={relationsId}
          {...field('relation')}
          autoComplete="off"
        />
        <datalist id={relationsId}>
          {RELATIONS.map((r) => (
            <option key={r} value={t(`guardians.relations.${r}`)} />
          ))}
        </datalist>
        <TextField
          label={t('guardians.fields.phone')}
          optional
          type="tel"
          inputMode="tel"
          {...field('phone')}
          autoComplete="off"
        />
        <TextField
          label={t('guardians.fields.email')}
          optional
          type="email"
          inputMode="email"
          {...field('email')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}

/** A phone number as a dialable link target: digits and a leading plus only. */
export const telHref = (phone: string) => `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;

/** The guardian being edited or removed is kept whole, so a removal synced in meanwhile does not lose the form. */
type Open = { kind: 'none' } | { kind: 'add' } | { kind: 'edit' | 'remove'; id: string; guardian: Guardian };

/**
 * A learner's parents and guardians: phone and email one tap away; added, corrected and removed (after a
 * confirmation) by those who may edit the learner. One form or confirmation at a time, so nothing typed is lost
 * by opening another.
 */
export function LearnerGuardians({ learner, editable }: { learner: Learner; editable: boolean }) {
  const { t } = useTranslation(['learners', 'common']);
  const db = useDatabase();
  const heading = useRef<HTMLHeadingElement>(null);
  const [chosen, setOpen] = useState<Open>({ kind: 'none' });
  // Removed on another device while open here: a removal has nothing left to confirm; an edit keeps what was typed
  // and saving adds the guardian back.
  const gone = chosen.kind !== 'none' && chosen.kind !== 'add' && !learner.guardians.some((g) => g.id === chosen.id);
  const open: Open = gone && chosen.kind === 'remove' ? { kind: 'none' } : chosen;
  const listed = gone && open.kind === 'edit' ? [...learner.guardians, open.guardian] : learner.guardians;
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen({ kind: 'none' });
    heading.current?.focus();
  };

  async function save(guardian: GuardianInput, id?: string) {
    try {
      await saveGuardian(db, learner.id, { ...guardian, id });
      notify({ kind: 'success', key: 'learners:guardians.saved', values: { name: guardian.name } });
      close();
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    }
  }

  async function remove(guardian: Guardian) {
    setBusy(true);
    try {
      await removeGuardian(db, learner.id, guardian.id);
      notify({ kind: 'success', key: 'learners:guardians.removed', values: { name: guardian.name } });
      close();
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    } finally {
      setBusy(false);
    }
  }

  const idle = editable && open.kind === 'none';
  return (
    <section className="plan-section" aria-labelledby="learner-guardians">
      <h2 id="learner-guardians" ref={heading} tabIndex={-1}>
        {t('guardians.title')}
      </h2>
      {learner.guardians.length === 0 && open.kind !== 'add' ? <p className="empty">{t('guardians.none')}</p> : null}
      <ul className="guardian-list">
        {listed.map((g) =>
          open.kind === 'edit' && open.id === g.id ? (
            <li key={g.id}>
              {gone ? <p className="form__problem">{t('guardians.goneElsewhere')}</p> : null}
              <GuardianForm
                title={t('guardians.editNamed', { name: g.name })}
                initial={guardianFormValues(g)}
                onSubmit={(input) => save(input, g.id)}
                onCancel={close}
              />
            </li>
          ) : (
            <li key={g.id} className="guardian">
              <div className="guardian__who">
                <strong>{g.name}</strong>
                {g.relation ? <span className="guardian__relation">{g.relation}</span> : null}
              </div>
              {g.phone || g.email ? (
                <div className="guardian__contacts">
                  {g.phone ? (
                    <a href={telHref(g.phone)} aria-label={`${t('guardians.call', { name: g.name })}, ${g.phone}`}>
                      {g.phone}
                    </a>
                  ) : null}
                  {g.email ? (
                    <a href={`mailto:${g.email}`} aria-label={`${t('guardians.write', { name: g.name })}, ${g.email}`}>
                      {g.email}
                    </a>
                  ) : null}
                </div>
              ) : null}
              {idle ? (
                <div className="guardian__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('guardians.editNamed', { name: g.name })}
                    onClick={() => setOpen({ kind: 'edit', id: g.id, guardian: g })}
                  >
                    {t('guardians.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('guardians.removeNamed', { name: g.name })}
                    onClick={() => setOpen({ kind: 'remove', id: g.id, guardian: g })}
                  >
                    {t('guardians.remove')}
                  </button>
                </div>
              ) : null}
              {open.kind === 'remove' && open.id === g.id ? (
                <ConfirmPanel
                  text={t('guardians.confirmRemove', { name: g.name })}
                  confirmLabel={t('guardians.remove')}
                  busy={busy}
                  onConfirm={() => void remove(g)}
                  onCancel={close}
                />
              ) : null}
            </li>
          ),
        )}
      </ul>
      {open.kind === 'add' ? (
        <GuardianForm
          title={t('guardians.formNew')}
          initial={emptyGuardianForm}
          onSubmit={(input) => save(input)}
          onCancel={close}
        />
      ) : null}
      {idle ? (
        learner.guardians.length < MAX_GUARDIANS ? (
          <div className="form__actions form__actions--start">
            <button type="button" className="button" onClick={() => setOpen({ kind: 'add' })}>
              {t('guardians.add')}
            </button>
          </div>
        ) : (
          <p className="plan-section__hint">{t('guardians.full')}</p>
        )
      ) : null}
    </section>
  );
}
