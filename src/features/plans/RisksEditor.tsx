import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addedRiskLabel, type PlanRisk, type ProgrammeProfile } from '../../domain';

interface Props {
  risks: PlanRisk[];
  profile: ProgrammeProfile;
  editable: boolean;
  onToggle(code: string, checked: boolean): void;
  onNote(riskId: string, note: string): void;
}

/** The programme's risk grid, four groups (and "other"); a ticked risk gets a note. */
export function RisksEditor({ risks, profile, editable, onToggle, onNote }: Props) {
  const { t } = useTranslation(['plans', 'profile']);
  const byCode = new Map(risks.map((r) => [r.code, r]));
  return (
    <section className="plan-section" aria-labelledby="plan-risks">
      <h2 id="plan-risks">{t('risks.title')}</h2>
      {editable ? <p className="plan-section__hint">{t('risks.hint')}</p> : null}
      {!editable && risks.length === 0 ? <p className="empty">{t('risks.none')}</p> : null}
      <div className="risk-groups">
        {profile.riskGroups.map((group) => {
          const shown = editable ? group.items : group.items.filter((code) => byCode.has(code));
          if (shown.length === 0) return null;
          return (
            <fieldset key={group.code} className="risk-group">
              <legend>{t(`profile:riskGroup.${group.code}`)}</legend>
              {shown.map((code) => (
                <RiskItem
                  key={code}
                  code={code}
                  label={t(`profile:risk.${code}`, { defaultValue: addedRiskLabel(profile, code) ?? code })}
                  risk={byCode.get(code)}
                  editable={editable}
                  onToggle={onToggle}
                  onNote={onNote}
                />
              ))}
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}

function RiskItem({
  code,
  label,
  risk,
  editable,
  onToggle,
  onNote,
}: {
  code: string;
  label: string;
  risk: PlanRisk | undefined;
  editable: boolean;
  onToggle: Props['onToggle'];
  onNote: Props['onNote'];
}) {
  const { t } = useTranslation(['plans', 'profile']);
  const id = useId();
  // Typed text stays here until the field is left, so a sync arriving meanwhile never eats a keystroke.
  const [note, setNote] = useState(risk?.note ?? '');
  return (
    <div className={`risk-item${risk ? ' risk-item--on' : ''}`}>
      <label className="check">
        <input
          type="checkbox"
          checked={Boolean(risk)}
          disabled={!editable}
          onChange={(e) => onToggle(code, e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {risk && editable ? (
        <div className="field risk-item__note">
          <label htmlFor={id}>{t('risks.note')}</label>
          <input
            id={id}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note !== risk.note && onNote(risk.id, note)}
          />
        </div>
      ) : risk?.note ? (
        <p className="risk-item__text">{risk.note}</p>
      ) : null}
    </div>
  );
}
