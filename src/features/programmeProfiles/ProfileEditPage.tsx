import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  copyOfProfile,
  editsProgrammeProfiles,
  profileInUseProblem,
  pumpurs2017,
  type StoredProfile,
} from '../../domain';
import { profileUseOnDevice, saveProfile, useDatabase, useStoredProfiles } from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';
import { profileTitle } from './labels';
import { ProfileFormFields } from './ProfileFormFields';
import { applyProfileForm, formValuesOf, type ProfileFormErrors, type ProfileFormValues } from './profileForm';
import './programmeProfiles.css';

/**
 * /programme-profiles/new?from=<id> (an edited copy of a profile) and /programme-profiles/<id>/edit: the
 * administrator's form for a profile's title, years, caps, delivered target, youth grant and risks.
 */
export function ProfileEditPage() {
  const { t } = useTranslation('programmeProfiles');
  const { profileId } = useParams();
  const [search] = useSearchParams();
  const actor = useActor();
  const { data: stored, loading } = useStoredProfiles();
  if (!actor || !editsProgrammeProfiles(actor.roles)) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }
  if (loading) return null;
  const all = [pumpurs2017, ...stored];
  const editing = profileId ? stored.find((p) => p.id === profileId) : undefined;
  const source = all.find((p) => p.id === (search.get('from') ?? pumpurs2017.id)) ?? pumpurs2017;
  const base =
    editing ??
    copyOfProfile(source, {
      id: crypto.randomUUID(),
      title: `${profileTitle(source, t)} (2)`,
      now: new Date().toISOString(),
      by: actor.userId,
    });
  const heading = editing
    ? t('form.editTitle', { title: editing.title })
    : t('form.newTitle', { title: profileTitle(source, t) });
  return <ProfileEditor key={base.id} base={base} heading={heading} />;
}

function ProfileEditor({ base, heading }: { base: StoredProfile; heading: string }) {
  const { t } = useTranslation('programmeProfiles');
  const db = useDatabase();
  const navigate = useNavigate();
  const [values, setValues] = useState<ProfileFormValues>(() => formValuesOf(base));
  const [errors, setErrors] = useState<ProfileFormErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = applyProfileForm(base, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      // Plans made under it keep it: what they use stays (the server refuses the edit otherwise).
      const inUse = profileInUseProblem(result.profile, await profileUseOnDevice(db, base.id));
      if (inUse) {
        notify({ kind: 'error', key: `common:domainMessages.${inUse}` });
        return;
      }
      const saved = await saveProfile(db, result.profile);
      notify({ kind: 'success', key: 'programmeProfiles:form.saved', values: { title: saved.title } });
      void navigate('/programme-profiles');
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="page programme-profiles" aria-labelledby="profile-edit-title">
      <h1 id="profile-edit-title">{heading}</h1>
      <form className="form profile-form" onSubmit={(e) => void submit(e)} noValidate>
        <ProfileFormFields
          values={values}
          errors={errors}
          onChange={(next) => {
            // A message answers the last save: once the person types, it is theirs to try again.
            setValues(next);
            setErrors({});
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('form.save')}
          </button>
          <Link className="button" to="/programme-profiles">
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
