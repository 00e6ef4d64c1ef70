import type { Language } from '@hms/contracts/language';
import { LANGUAGES, SelectField, TextAreaField, TextField, useT } from '@hms/ui';
import type { ProgramDraft } from '@hms/contracts/program-admin';
import { allQuestions } from '@hms/contracts/question-set';
import { programsMessages } from '../messages.ts';
import { PAYEE_TYPES, PRENOTE_POLICIES } from './program-choices.ts';

/** What the details inputs hold while editing: texts as typed (money in dollars), parsed on save. */
export interface DetailsText {
  maxAmount: string;
  budget: string;
  threshold: string;
  reviewDays: string;
}

/** The input id of each draft field, for the error summary's links (the API names fields `body.draft.<path>`). */
export const DETAIL_IDS: Record<string, string> = {
  slug: 'draft-slug',
  'name.en': 'draft-name-en',
  'name.es': 'draft-name-es',
  'eligibilitySummary.en': 'draft-summary-en',
  'eligibilitySummary.es': 'draft-summary-es',
  'description.en': 'draft-description-en',
  'description.es': 'draft-description-es',
  payeeType: 'draft-payee',
  maxAmountCents: 'draft-max',
  budgetCents: 'draft-budget',
  approvalThresholdCents: 'draft-threshold',
  reviewDeadlineDays: 'draft-review-days',
  reviewDays: 'draft-review-days',
  opensAt: 'draft-opens',
  closesAt: 'draft-closes',
  prenotePolicy: 'draft-prenote',
  achEntryDescription: 'draft-entry-description',
  amountQuestionId: 'draft-amount-question',
};

/** The texts a program is written in both languages, one input for each language (English first). */
const BILINGUAL = [
  {
    key: 'name',
    id: { en: 'draft-name-en', es: 'draft-name-es' },
    label: { en: 'nameEn', es: 'nameEs' },
    Field: TextField,
  },
  {
    key: 'eligibilitySummary',
    id: { en: 'draft-summary-en', es: 'draft-summary-es' },
    label: { en: 'summaryEn', es: 'summaryEs' },
    Field: TextAreaField,
  },
  {
    key: 'description',
    id: { en: 'draft-description-en', es: 'draft-description-es' },
    label: { en: 'descriptionEn', es: 'descriptionEs' },
    Field: TextAreaField,
  },
] as const;

export function DetailsFields({
  draft,
  text,
  live,
  errorFor,
  onDraft,
  onText,
}: {
  draft: ProgramDraft;
  text: DetailsText;
  live: boolean;
  errorFor: (path: string) => string | undefined;
  onDraft: (patch: Partial<ProgramDraft>) => void;
  onText: (patch: Partial<DetailsText>) => void;
}) {
  const tr = useT(programsMessages);
  const pair = (key: 'name' | 'eligibilitySummary' | 'description', lang: Language) =>
    ({
      value: draft[key][lang],
      error: errorFor(`${key}.${lang}`),
      onChange: (e: { target: { value: string } }) =>
        onDraft({ [key]: { ...draft[key], [lang]: e.target.value } }),
    }) as const;
  /** A number typed as text (parsed on save), named as the text is, with the error of the draft field it fills. */
  const typed = (key: keyof DetailsText, path: string) => ({
    label: tr(key),
    value: text[key],
    error: errorFor(path),
    onChange: (e: { target: { value: string } }) => onText({ [key]: e.target.value }),
  });
  /** An opening or closing day; empty means none. */
  const day = (key: 'opensAt' | 'closesAt') => ({
    value: draft[key] ?? '',
    error: errorFor(key),
    onChange: (e: { target: { value: string } }) =>
      onDraft({ [key]: e.target.value.trim() || null }),
  });
  const moneyQuestions = allQuestions(draft.questionSet).filter((q) => q.type === 'money');
  return (
    <>
      <TextField
        id="draft-slug"
        label={tr('slug')}
        hint={tr('slugHint')}
        value={draft.slug}
        readOnly={live}
        error={errorFor('slug')}
        onChange={(e) => onDraft({ slug: e.target.value })}
      />
      {BILINGUAL.flatMap(({ key, id, label, Field }) =>
        LANGUAGES.map((lang) => (
          <Field key={id[lang]} id={id[lang]} label={tr(label[lang])} {...pair(key, lang)} />
        )),
      )}
      <SelectField
        id="draft-payee"
        label={tr('payeeType')}
        value={draft.payeeType}
        disabled={live}
        error={errorFor('payeeType')}
        options={PAYEE_TYPES.map((type) => ({ value: type, label: tr(`payee_${type}`) }))}
        onChange={(e) =>
          onDraft({ payeeType: e.target.value === 'business' ? 'business' : 'individual' })
        }
      />
      <TextField id="draft-max" inputMode="decimal" {...typed('maxAmount', 'maxAmountCents')} />
      <TextField id="draft-budget" inputMode="decimal" {...typed('budget', 'budgetCents')} />
      <TextField
        id="draft-threshold"
        hint={tr('thresholdHint')}
        inputMode="decimal"
        {...typed('threshold', 'approvalThresholdCents')}
      />
      <TextField
        id="draft-review-days"
        inputMode="numeric"
        {...typed('reviewDays', 'reviewDeadlineDays')}
      />
      <TextField id="draft-opens" label={tr('opensAt')} {...day('opensAt')} />
      <TextField id="draft-closes" label={tr('closesAt')} {...day('closesAt')} />
      <SelectField
        id="draft-prenote"
        label={tr('prenote')}
        value={draft.prenotePolicy}
        options={PRENOTE_POLICIES.map((policy) => ({
          value: policy,
          label: tr(`prenote_${policy}`),
        }))}
        onChange={(e) =>
          onDraft({ prenotePolicy: e.target.value === 'new_accounts' ? 'new_accounts' : 'none' })
        }
      />
      <TextField
        id="draft-entry-description"
        label={tr('entryDescription')}
        hint={tr('entryDescriptionHint')}
        maxLength={10}
        value={draft.achEntryDescription}
        error={errorFor('achEntryDescription')}
        onChange={(e) => onDraft({ achEntryDescription: e.target.value.toUpperCase() })}
      />
      <SelectField
        id="draft-amount-question"
        label={tr('amountQuestion')}
        value={draft.amountQuestionId}
        error={errorFor('amountQuestionId')}
        options={moneyQuestions.map((q) => ({ value: q.id, label: q.label.en || q.id }))}
        onChange={(e) => onDraft({ amountQuestionId: e.target.value })}
      />
    </>
  );
}
