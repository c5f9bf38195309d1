import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, loadLanguage } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // The language's chunk first (from the service worker's cache offline): should it not arrive, the screen stays in
  // the language it speaks rather than switch to one whose strings are missing.
  const choose = (language: string) => {
    if (!isLanguage(language)) return;
    loadLanguage(language).then(
      () => void i18n.changeLanguage(language),
      () => undefined,
    );
  };
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select id={id} value={i18n.resolvedLanguage} onChange={(e) => choose(e.target.value)}>
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
