import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshDemoServer, useDemoServer } from '../sync';

/**
 * "Demo data" while the server holds the demo municipality: its pupils are invented and its passwords public, so
 * nobody should take it for a real installation or type a real pupil into it. A banner on the sign-in screen; in the
 * top bar a short label whose full sentence screen readers read and a pointer shows.
 */
export function DemoMark({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const demo = useDemoServer((s) => s.demo);
  useEffect(() => {
    void refreshDemoServer();
  }, []);
  if (!demo) return null;
  if (compact)
    return (
      <span className="demo-mark demo-mark--compact" role="note" title={t('demo.mark')}>
        <span aria-hidden="true">{t('demo.short')}</span>
        <span className="visually-hidden">{t('demo.mark')}</span>
      </span>
    );
  return (
    <p className="demo-mark" role="note">
      <strong>{t('demo.mark')}</strong> <span>{t('demo.hint')}</span>
    </p>
  );
}
