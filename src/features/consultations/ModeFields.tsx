import { useTranslation } from 'react-i18next';
import { consultationModes, remoteChannels } from '../../domain';
import { SelectField, type FieldError } from '../forms';

interface ModeFieldsProps {
  mode: string;
  channel: string;
  errors: { mode?: FieldError | undefined; channel?: FieldError | undefined };
  onMode: (mode: string) => void;
  onChannel: (channel: string) => void;
}

/** How a session is held, and for a remote one the channel: the same two fields in the quick log and a schedule. */
export function ModeFields({ mode, channel, errors, onMode, onChannel }: ModeFieldsProps) {
  const { t } = useTranslation('consultations');
  return (
    <>
      <SelectField label={t('fields.mode')} value={mode} onChange={(e) => onMode(e.target.value)} error={errors.mode}>
        {consultationModes.map((m) => (
          <option key={m} value={m}>
            {t(`mode.${m}`)}
          </option>
        ))}
      </SelectField>
      {mode === 'remote' ? (
        <SelectField
          label={t('fields.channel')}
          value={channel}
          onChange={(e) => onChannel(e.target.value)}
          error={errors.channel}
        >
          <option value="" />
          {remoteChannels.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
