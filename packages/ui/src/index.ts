// The single public entry of @hms/ui, shared by Module Federation as one module (so the language
// context and the heading-focus flag are the same object in the shell and every remote).
export { ButtonGroup } from './ButtonGroup.tsx';
export type { ButtonGroupProps } from './ButtonGroup.tsx';
export { Checkbox } from './Checkbox.tsx';
export type { CheckboxProps } from './Checkbox.tsx';
export { CheckedForm } from './CheckedForm.tsx';
export { ConfirmAction } from './ConfirmAction.tsx';
export type { ConfirmActionProps } from './ConfirmAction.tsx';
export { DataTable } from './DataTable.tsx';
export type { Column, DataTableProps } from './DataTable.tsx';
export { ErrorSummary, FieldLink } from './ErrorSummary.tsx';
export type { ErrorSummaryProps, SummaryError } from './ErrorSummary.tsx';
export {
  CheckboxGroup,
  ErrorMessage,
  FieldGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  controlAria,
} from './Field.tsx';
export type {
  CheckboxGroupProps,
  Option,
  RadioGroupProps,
  SelectFieldProps,
  TextAreaFieldProps,
  TextFieldProps,
} from './Field.tsx';
export { FilterForm, useSearchFilters } from './FilterForm.tsx';
export type { FilterFormProps, FilterSpec, FilterValues, SearchFilters } from './FilterForm.tsx';
export { HelpPanel, defineHelp } from './HelpPanel.tsx';
export { PracticeNotice, PracticeTag } from './PracticeTag.tsx';
export { ImportedNotice, ImportedTag } from './ImportedTag.tsx';
export type { ImportedMark } from './ImportedTag.tsx';
export type { HelpContent, HelpText } from './HelpPanel.tsx';
export { EmptyState, LoadingState, ProblemAlert } from './States.tsx';
export { QueryState } from './QueryState.tsx';
export type { QueryLike, QueryStateProps } from './QueryState.tsx';
export {
  fieldErrorText,
  loadErrorMessages,
  problemText,
  useErrorMessages,
} from './error-messages.ts';
export type { ProblemLike } from './error-messages.ts';
export { problemFieldErrors, useFormErrors } from './form-errors.ts';
export type { FormErrors, FormField } from './form-errors.ts';
export type { RemoteAreas, RemoteModule, RemoteName } from './remote-module.ts';
export { PageTitle, SITE_NAME, markTitleError, requestHeadingFocus } from './PageTitle.tsx';
export { PageIntro } from './PageIntro.tsx';
export { Pager } from './Pager.tsx';
export type { PagerProps } from './Pager.tsx';
export { ScrollableTable } from './ScrollableTable.tsx';
export type { ScrollableTableProps } from './ScrollableTable.tsx';
export { TableCheckbox } from './TableCheckbox.tsx';
export { ToneTag } from './ToneTag.tsx';
export type { Tone } from './ToneTag.tsx';
export type { TableCheckboxProps } from './TableCheckbox.tsx';
export { answerText } from './answer-text.ts';
export type { AnswerTextOptions } from './answer-text.ts';
export {
  formatCents,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPhone,
  formatPlainDate,
} from './format.ts';
export {
  LANGUAGES,
  LANGUAGE_STORAGE_KEY,
  LanguageProvider,
  LanguageScope,
  defineMessages,
  isLanguage,
  readStoredLanguage,
  t,
  useLabel,
  useLanguage,
  useT,
} from './i18n.tsx';
export type { Language, LanguageProviderProps, Messages } from './i18n.tsx';
