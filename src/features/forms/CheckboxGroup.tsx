import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './fieldErrors';

interface CheckboxGroupProps<V extends string> {
  legend: string;
  hint?: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  error?: FieldError | undefined;
}

/**
 * A choice of several, as a fieldset whose legend names the group; each box sits inside its own label, so the
 * whole line is a tap target. The error is tied to the group, as TextField ties it to its input.
 */
export function CheckboxGroup<V extends string>({
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
}: CheckboxGroupProps<V>) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const toggle = (value: V, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className={`field checks${error ? ' field--invalid' : ''}`} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checks__options">
        {options.map((option) => (
          <label key={option.value} className="checks__option">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
    </fieldset>
  );
}
