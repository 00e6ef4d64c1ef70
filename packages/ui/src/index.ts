// The single public entry of @hms/ui, shared by Module Federation as one module (so the language
// context and the heading-focus flag are the same object in the shell and every remote).
export { Alert, type AlertProps } from './Alert.tsx';
export { ButtonGroup, type ButtonGroupProps } from './ButtonGroup.tsx';
export { Checkbox, type CheckboxProps } from './Checkbox.tsx';
export { CheckedForm } from './CheckedForm.tsx';
export { ConfirmAction, type ConfirmActionProps } from './ConfirmAction.tsx';
export { DataTable, type Column, type DataTableProps } from './DataTable.tsx';
export {
  ErrorSummary,
  FieldLink,
  type ErrorSummaryProps,
  type SummaryError,
} from './ErrorSummary.tsx';
export {
  CheckboxGroup,
  ErrorMessage,
  FieldGroup,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  controlAria,
  type CheckboxGroupProps,
  type Option,
  type RadioGroupProps,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from './Field.tsx';
export {
  FilterForm,
  useSearchFilters,
  type FilterFormProps,
  type FilterSpec,
  type FilterValues,
  type SearchFilters,
} from './FilterForm.tsx';
export { useFocusWhen } from './focus-when.ts';
export { HelpPanel, defineHelp, type HelpContent, type HelpText } from './HelpPanel.tsx';
export { PracticeNotice, PracticeTag } from './PracticeTag.tsx';
export { ImportedNotice, ImportedTag, type ImportedMark } from './ImportedTag.tsx';
export { EmptyState, LoadingState, ProblemAlert } from './States.tsx';
export { QueryState, type QueryLike, type QueryStateProps } from './QueryState.tsx';
export {
  fieldErrorText,
  loadErrorMessages,
  problemText,
  useErrorMessages,
  type ProblemLike,
} from './error-messages.ts';
export {
  problemFieldErrors,
  useFormErrors,
  type FormErrors,
  type FormField,
} from './form-errors.ts';
export type { RemoteAreas, RemoteModule, RemoteName } from './remote-module.ts';
export { PageTitle, SITE_NAME, markTitleError, requestHeadingFocus } from './PageTitle.tsx';
export { PageIntro } from './PageIntro.tsx';
export { Pager, type PagerProps } from './Pager.tsx';
export { Radio, type RadioProps } from './Radio.tsx';
export { ScrollableTable, type ScrollableTableProps } from './ScrollableTable.tsx';
export { TableCheckbox, type TableCheckboxProps } from './TableCheckbox.tsx';
export { ToneTag, type Tone } from './ToneTag.tsx';
export { answerText, type AnswerTextOptions } from './answer-text.ts';
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
  type Language,
  type LanguageProviderProps,
  type Messages,
} from './i18n.tsx';
