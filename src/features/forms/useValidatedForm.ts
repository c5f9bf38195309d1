import { useState, type FormEvent } from 'react';
import type { FieldErrors } from './fieldErrors';

/** What a form's values turn into: the domain's input, or one message per field. */
export type Validated<F extends string, R> = { ok: true; value: R } | { ok: false; errors: FieldErrors<F> };

/**
 * The state every entry form here shares: what was typed (kept on any failure, so nothing is lost), the message next
 * to each field (cleared as soon as that field is changed), and whether a save is under way.
 */
export function useValidatedForm<V extends { [K in keyof V]: string }, R>(
  initial: V,
  validate: (values: V) => Validated<Extract<keyof V, string>, R>,
  onSubmit: (value: R, openedWith: V) => Promise<void>,
) {
  // What the form showed when it opened: a save writes only what differs from it (domain/rules/formEdits), so an
  // edit that sync brought while the form was open is kept.
  const [openedWith] = useState(initial);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Extract<keyof V, string>>>({});
  const [saving, setSaving] = useState(false);

  const set = (field: Extract<keyof V, string>) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validate(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      await onSubmit(result.value, openedWith);
    } finally {
      setSaving(false);
    }
  }

  return { values, errors, saving, set, submit };
}
