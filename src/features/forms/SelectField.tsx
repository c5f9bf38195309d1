import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './fieldErrors';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  error?: FieldError | undefined;
  children: ReactNode;
}

/** A labelled choice whose error sits right under it and is announced, as TextField's does. */
export function SelectField({ label, error, children, ...select }: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
    </div>
  );
}
