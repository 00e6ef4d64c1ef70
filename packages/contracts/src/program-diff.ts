/**
 * A readable diff between two program drafts (two versions, or a version and the draft): each change names the field
 * or the question (by its label) in English and Spanish, with the value before and after as text.
 */
import type { Label } from './labels.ts';
import type { Language } from './language.ts';
import type { ProgramChange, ProgramDraft } from './program-admin.ts';
import { describeRule } from './program-admin.ts';
import { allQuestions, type Question } from './question-set.ts';

const FIELD_LABELS: Record<string, Label> = {
  slug: {
    en: 'Web address',
    es: 'Dirección web',
  },
  'name.en': {
    en: 'Name (English)',
    es: 'Nombre (inglés)',
  },
  'name.es': {
    en: 'Name (Spanish)',
    es: 'Nombre (español)',
  },
  'eligibilitySummary.en': {
    en: 'Who can apply (English)',
    es: 'Quién puede solicitar (inglés)',
  },
  'eligibilitySummary.es': {
    en: 'Who can apply (Spanish)',
    es: 'Quién puede solicitar (español)',
  },
  'description.en': {
    en: 'Description (English)',
    es: 'Descripción (inglés)',
  },
  'description.es': {
    en: 'Description (Spanish)',
    es: 'Descripción (español)',
  },
  payeeType: {
    en: 'Who is paid',
    es: 'A quién se paga',
  },
  maxAmountCents: {
    en: 'Maximum amount',
    es: 'Cantidad máxima',
  },
  budgetCents: {
    en: 'Budget',
    es: 'Presupuesto',
  },
  approvalThresholdCents: {
    en: 'Second approval above',
    es: 'Segunda aprobación por encima de',
  },
  reviewDeadlineDays: {
    en: 'Review deadline (business days)',
    es: 'Plazo de revisión (días hábiles)',
  },
  opensAt: {
    en: 'Opens on',
    es: 'Abre el',
  },
  closesAt: {
    en: 'Closes after',
    es: 'Cierra después del',
  },
  prenotePolicy: {
    en: 'Prenote',
    es: 'Prenotificación',
  },
  achEntryDescription: {
    en: 'ACH entry description',
    es: 'Descripción del asiento ACH',
  },
  amountQuestionId: {
    en: 'Amount question',
    es: 'Pregunta del importe',
  },
};

/** What each question setting is called in the diff: typed on the question, so a new setting must be named here. */
const QUESTION_SETTING_LABELS: Record<keyof Question, Label> = {
  id: {
    en: 'id',
    es: 'identificador',
  },
  type: {
    en: 'type',
    es: 'tipo',
  },
  label: {
    en: 'question text',
    es: 'texto de la pregunta',
  },
  hint: {
    en: 'hint',
    es: 'ayuda',
  },
  errorName: {
    en: 'name in error messages',
    es: 'nombre en los mensajes de error',
  },
  required: {
    en: 'required',
    es: 'obligatoria',
  },
  minLength: {
    en: 'shortest answer',
    es: 'respuesta más corta',
  },
  maxLength: {
    en: 'longest answer',
    es: 'respuesta más larga',
  },
  pattern: {
    en: 'format',
    es: 'formato',
  },
  min: {
    en: 'smallest answer',
    es: 'respuesta mínima',
  },
  max: {
    en: 'largest answer',
    es: 'respuesta máxima',
  },
  integer: {
    en: 'whole numbers only',
    es: 'solo números enteros',
  },
  minDate: {
    en: 'earliest date',
    es: 'fecha más temprana',
  },
  maxDate: {
    en: 'latest date',
    es: 'fecha más tardía',
  },
  options: {
    en: 'options',
    es: 'opciones',
  },
  showIf: {
    en: 'shown when',
    es: 'se muestra cuando',
  },
  accept: {
    en: 'file types',
    es: 'tipos de archivo',
  },
  maxFiles: {
    en: 'most files',
    es: 'máximo de archivos',
  },
  prefill: {
    en: 'filled in from',
    es: 'se rellena con',
  },
};

/**
 * A question setting's value as a reader sees it: texts as "English / Spanish", options by their labels, a condition
 * by the question it depends on, yes/no for switches, money in dollars.
 */
function settingText(
  key: keyof Question,
  value: unknown,
  q: Question,
  questions: ReadonlyMap<string, Question>,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if ((key === 'min' || key === 'max') && q.type === 'money') return money(value);
  if (key === 'label' || key === 'hint' || key === 'errorName') {
    const l = value as Label;
    return l.es ? `${l.en} / ${l.es}` : l.en;
  }
  if (key === 'options')
    return (value as { value: string; label: Label }[])
      .map((o) => o.label.en || o.value)
      .join(', ');
  if (key === 'accept') return (value as string[]).join(', ');
  if (key === 'pattern') return (value as { regex: string }).regex;
  if (key === 'showIf') {
    const c = value as { questionId: string; equals?: unknown; in?: unknown[] };
    const on = questions.get(c.questionId);
    const name = on ? `“${on.label.en || on.id}”` : c.questionId;
    const wanted = (v: unknown) =>
      on?.options?.find((o) => o.value === v)?.label.en ?? (typeof v === 'string' ? v : text(v));
    return 'in' in c && c.in
      ? `${name} is one of ${c.in.map(wanted).join(', ')}`
      : `${name} is ${wanted(c.equals)}`;
  }
  return text(value);
}

const MONEY_FIELDS = new Set(['maxAmountCents', 'budgetCents', 'approvalThresholdCents']);

function money(cents: unknown): string | null {
  if (typeof cents !== 'number') return null;
  return (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function field(path: string, before: unknown, after: unknown): ProgramChange | null {
  const b = MONEY_FIELDS.has(path) ? money(before) : text(before);
  const a = MONEY_FIELDS.has(path) ? money(after) : text(after);
  if (b === a) return null;
  return {
    path,
    label: FIELD_LABELS[path] ?? { en: path, es: path },
    change: b === null ? 'added' : a === null ? 'removed' : 'changed',
    before: b,
    after: a,
  };
}

const questionName = (q: Question): Label => ({
  en: `Question “${q.label.en || q.id}”`,
  es: `Pregunta «${q.label.es || q.label.en || q.id}»`,
});

/** Every change from `before` (null: nothing before, the first version) to `after`. */
export function diffDrafts(before: ProgramDraft | null, after: ProgramDraft): ProgramChange[] {
  const changes: ProgramChange[] = [];
  const push = (c: ProgramChange | null) => {
    if (c) changes.push(c);
  };
  const b = (before ?? {}) as Partial<ProgramDraft>;
  for (const key of Object.keys(FIELD_LABELS)) {
    const [top, lang] = key.split('.') as [keyof ProgramDraft, Language | undefined];
    const get = (d: Partial<ProgramDraft>) => {
      const v = d[top] as unknown;
      return lang ? (v as Label | undefined)?.[lang] : v;
    };
    push(field(key, get(b), get(after)));
  }

  const oldQuestions = new Map(
    before ? allQuestions(before.questionSet).map((q) => [q.id, q]) : [],
  );
  const newQuestions = allQuestions(after.questionSet);
  const newById = new Map(newQuestions.map((q) => [q.id, q]));
  for (const q of newQuestions) {
    const old = oldQuestions.get(q.id);
    if (!old) {
      changes.push({
        path: `questionSet.${q.id}`,
        label: questionName(q),
        change: 'added',
        before: null,
        after: `${q.label.en} (${q.type}${q.required ? ', required' : ''})`,
      });
      continue;
    }
    const keys = new Set([...Object.keys(old), ...Object.keys(q)] as (keyof Question)[]);
    for (const key of keys) {
      if (text(old[key]) === text(q[key])) continue;
      const was = settingText(key, old[key], old, oldQuestions);
      const now = settingText(key, q[key], q, newById);
      const name = questionName(q);
      const setting = QUESTION_SETTING_LABELS[key] ?? { en: key, es: key };
      changes.push({
        path: `questionSet.${q.id}.${key}`,
        label: { en: `${name.en}: ${setting.en}`, es: `${name.es}: ${setting.es}` },
        change: was === null ? 'added' : now === null ? 'removed' : 'changed',
        before: was,
        after: now,
      });
    }
  }
  const kept = new Set(newQuestions.map((q) => q.id));
  for (const [id, q] of oldQuestions)
    if (!kept.has(id))
      changes.push({
        path: `questionSet.${id}`,
        label: questionName(q),
        change: 'removed',
        before: `${q.label.en} (${q.type})`,
        after: null,
      });
  const order = (d: ProgramDraft | null) => (d ? allQuestions(d.questionSet).map((q) => q.id) : []);
  const oldOrder = order(before).filter((id) => kept.has(id));
  const newOrder = order(after).filter((id) => oldQuestions.has(id));
  if (before && oldOrder.join() !== newOrder.join())
    changes.push({
      path: 'questionSet.order',
      label: { en: 'Order of questions', es: 'Orden de las preguntas' },
      change: 'changed',
      before: oldOrder.join(', '),
      after: newOrder.join(', '),
    });
  const stepTitles = (d: ProgramDraft | null) =>
    d ? d.questionSet.steps.map((s) => `${s.id}: ${s.title.en}`).join(' | ') : null;
  if (before) push(stepsChange(stepTitles(before), stepTitles(after)));

  const rules = (d: ProgramDraft | null) =>
    d ? d.eligibilityRules.map((r) => describeRule(r, d.questionSet, 'en')) : [];
  const oldRules = rules(before);
  const newRules = rules(after);
  // A rule is compared by its sentence: one no longer there was removed, one not there before was added.
  const ruleChange = (change: 'added' | 'removed', r: string): ProgramChange => ({
    path: 'eligibilityRules',
    label: { en: 'Eligibility rule', es: 'Regla de elegibilidad' },
    change,
    before: change === 'removed' ? r : null,
    after: change === 'added' ? r : null,
  });
  for (const r of newRules) if (!oldRules.includes(r)) changes.push(ruleChange('added', r));
  for (const r of oldRules) if (!newRules.includes(r)) changes.push(ruleChange('removed', r));
  return changes;
}

function stepsChange(before: string | null, after: string | null): ProgramChange | null {
  if (before === after) return null;
  return {
    path: 'questionSet.steps',
    label: { en: 'Pages of the form', es: 'Páginas del formulario' },
    change: 'changed',
    before,
    after,
  };
}
