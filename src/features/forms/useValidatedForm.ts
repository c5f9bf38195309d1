import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { FieldError, FieldErrors } from './fieldErrors';

/** What a form's values turn into: the domain's input, or one message per field. */
export type Validated<F extends string, R> = { ok: true; value: R } | { ok: false; errors: FieldErrors<F> };

/** What a form holds: text, or a list of chosen ids (ticked learners, risks, roles). */
type FormValues<V> = { [K in keyof V]: string | readonly string[] };
/** A text field takes any typed string (a select's value too); a list field takes a list. */
type Input<T> = T extends string ? string : T;

/** What a failed save says: messages next to the fields they name, and one for the form as a whole. */
export interface SaveFailure<F extends string> {
  errors?: FieldErrors<F>;
  problem?: FieldError;
}

export interface FormOptions<F extends string> {
  /**
   * How a save that threw is explained (offline, refused by the server, refused by the schema as the database
   * parses it). Without it the failure is rethrown, as before; with it nothing typed is lost and the form says why.
   */
  failure?: (error: unknown) => SaveFailure<F>;
}

/**
 * The state every entry form here shares: what was typed (kept on any failure, so nothing is lost), the message next
 * to each field (cleared as soon as that field is changed), a message for the whole form when a save failed, and
 * whether a save is under way.
 */
export function useValidatedForm<V extends FormValues<V>, R>(
  initial: V,
  validate: (values: V) => Validated<Extract<keyof V, string>, R>,
  onSubmit: (value: R, openedWith: V) => Promise<void> | void,
  options: FormOptions<Extract<keyof V, string>> = {},
) {
  type F = Extract<keyof V, string>;
  type TextKey = { [K in F]: V[K] extends string ? K : never }[F];
  // What the form showed when it opened: a save writes only what differs from it (domain/rules/formEdits), so an
  // edit that sync brought while the form was open is kept.
  const [openedWith] = useState(initial);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [problem, setProblem] = useState<FieldError | null>(null);
  const [saving, setSaving] = useState(false);

  const set =
    <K extends F>(field: K) =>
    (value: Input<V[K]>) => {
      setValues((v) => ({ ...v, [field]: value }));
      if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
      setProblem(null);
    };

  /**
   * A text field's value, change handler and message, to spread on a TextField, TextArea or SelectField: the one
   * way a form wires a field (issue 10.3).
   */
  const field = <K extends TextKey>(name: K) => ({
    value: values[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(name)(event.target.value as Input<V[K]>),
    error: errors[name],
  });

  /** Empties the given fields after a save (a form that stays open for the next entry). */
  const reset = (fields: Partial<V>) => setValues((v) => ({ ...v, ...fields }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validate(values);
    setProblem(null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(result.value, openedWith);
    } catch (error) {
      if (!options.failure) throw error;
      const failure = options.failure(error);
      setErrors(failure.errors ?? {});
      setProblem(failure.problem ?? null);
    } finally {
      setSaving(false);
    }
  }

  return { values, errors, problem, saving, set, field, reset, submit };
}
