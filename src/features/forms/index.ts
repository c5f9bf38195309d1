export { CheckboxGroup } from './CheckboxGroup';
export {
  domainMessageKey,
  fieldErrorsFrom,
  fieldErrorsOfFailure,
  type FieldError,
  type FieldErrors,
} from './fieldErrors';
export {
  boundsOf,
  checkAsRecord,
  formErrorsOf,
  formErrorsOfFailure,
  maxLengthOf,
  numberFrom,
  type SchemaCheck,
} from './schemaFields';
export { SelectField } from './SelectField';
export { TextField } from './TextField';
export { useValidatedForm, type FormOptions, type SaveFailure, type Validated } from './useValidatedForm';
