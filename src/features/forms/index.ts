export { CheckboxGroup } from './CheckboxGroup';
export {
  domainMessageKey,
  fieldErrorsFrom,
  fieldErrorsOfFailure,
  type FieldError,
  type FieldErrors,
} from './fieldErrors';
export { TextField } from './TextField';
export { useValidatedForm, type Validated } from './useValidatedForm';
