import { useTranslation } from 'react-i18next';
import './readProblem.css';

/**
 * Says that what a screen lists could not be read from this device (a failed query, or a record it could not
 * decrypt), so that a failure never passes for an empty list. Give it the `error` of each live query the list
 * shows (LiveResult.error); it shows nothing while they all read.
 */
export function ReadProblem({ errors }: { errors: readonly (Error | null)[] }) {
  const { t } = useTranslation('common');
  const error = errors.find((e) => e !== null);
  if (!error) return null;
  return (
    <div className="read-problem" role="alert">
      <p>{t('data.readFailed')}</p>
      <p className="read-problem__detail">{error.message}</p>
    </div>
  );
}

/** Whether any of a screen's live queries failed: its "nothing here" text would then be untrue. */
export const readFailed = (errors: readonly (Error | null)[]) => errors.some((e) => e !== null);
