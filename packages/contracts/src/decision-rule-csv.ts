import { isPlainDate } from './business-days.ts';
import type { LocalizedText } from './language.ts';
import { centsToDecimalString, parseDollars } from './money.ts';
import type { AnswerValue } from './question-answers.ts';
import type { Question } from './question-set.ts';
import { riskLevels, type RiskLevel } from './risk.ts';
import {
  accountPrenoteStates,
  conditionSubjects,
  expectedOutcomes,
  type AccountPrenoteState,
  type ExpectedOutcome,
  type RuleTestCase,
} from './decision-rules.ts';

/**
 * Test cases of a rule table as CSV, so an administrator can write many in a spreadsheet. One row per case; the
 * columns (any order, header names in any case):
 *
 * - `name` and `expected` (approve, refer, refer_senior or none), required;
 * - `amount` in dollars (600 or 120.50), required;
 * - `eligible` (yes/no, default yes), `risk_level` (none/low/medium/high, default none), `approved_requests` and
 *   `returned_payments` (whole numbers, default 0), `prenote` (none/sent/proven, default none);
 * - `answer.<question id>` for each answer a rule reads: money in dollars, dates YYYY-MM-DD, yes/no for a single
 *   checkbox, the option values separated by `;` for a multi-choice checkbox; an empty cell is no answer.
 *
 * Every error names its row (the header is row 1) and column, in both languages.
 */
export interface TestCaseCsvError {
  row: number;
  column: string;
  message: LocalizedText;
}

export interface TestCasesFromCsv {
  cases: RuleTestCase[];
  errors: TestCaseCsvError[];
}

/**
 * The columns every file may have: the case's name and expected outcome, then one per condition subject (the answers
 * are a column per question, `answer.<question id>`).
 */
const FIXED: readonly string[] = [
  'name',
  'expected',
  ...conditionSubjects.filter((subject) => subject !== 'answer'),
];
const ANSWER_PREFIX = 'answer.';

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

const YES = new Set(['yes', 'y', 'true', 'sí', 'si', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

function parseYesNo(v: string): boolean | null {
  const t = v.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

type Cell<T> = { ok: true; value: T } | { ok: false; message: LocalizedText };
const bad = (en: string, es: string): { ok: false; message: LocalizedText } => ({
  ok: false,
  message: { en, es },
});

function parseCount(v: string): Cell<number> {
  const t = v.trim();
  if (!/^\d{1,9}$/.test(t))
    return bad('Write a whole number, like 0 or 3.', 'Escriba un número entero, como 0 o 3.');
  return { ok: true, value: Number(t) };
}

function parseAmount(v: string): Cell<number> {
  const r = parseDollars(v);
  return r.ok
    ? { ok: true, value: r.cents }
    : bad(
        'Write an amount in dollars, like 600 or 120.50.',
        'Escriba un monto en dólares, como 600 o 120.50.',
      );
}

function oneOf<T extends string>(v: string, allowed: readonly T[]): Cell<T> {
  const t = v.trim().toLowerCase();
  return (allowed as readonly string[]).includes(t)
    ? { ok: true, value: t as T }
    : bad(`Write one of: ${allowed.join(', ')}.`, `Escriba uno de: ${allowed.join(', ')}.`);
}

function parseAnswer(v: string, q: Question): Cell<AnswerValue> {
  const t = v.trim();
  const options = q.options?.map((o) => o.value);
  switch (q.type) {
    case 'number': {
      const n = Number(t);
      return Number.isFinite(n) && t !== ''
        ? { ok: true, value: n }
        : bad('Write a number, like 12 or 3.5.', 'Escriba un número, como 12 o 3.5.');
    }
    case 'money':
      return parseAmount(t);
    case 'date':
      return isPlainDate(t)
        ? { ok: true, value: t }
        : bad('Write a date as YYYY-MM-DD.', 'Escriba una fecha como AAAA-MM-DD.');
    case 'checkbox': {
      if (!options) {
        const b = parseYesNo(t);
        return b === null ? bad('Write yes or no.', 'Escriba sí o no.') : { ok: true, value: b };
      }
      const chosen = t
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = chosen.filter((c) => !options.includes(c));
      return unknown.length === 0
        ? { ok: true, value: chosen }
        : bad(
            `${unknown.join(', ')} is not an option; the options are ${options.join(', ')} (separate several with ;).`,
            `${unknown.join(', ')} no es una opción; las opciones son ${options.join(', ')} (separe varias con ;).`,
          );
    }
    case 'select':
    case 'radio':
      return options && !options.includes(t)
        ? bad(
            `Write one of the options: ${options.join(', ')}.`,
            `Escriba una de las opciones: ${options.join(', ')}.`,
          )
        : { ok: true, value: t };
    case 'document':
      return bad('A rule cannot read a file upload.', 'Una regla no puede leer un archivo.');
    default:
      return { ok: true, value: t };
  }
}

/** The test cases of a CSV file for a program with these questions, and every error found (none: all read). */
export function testCasesFromCsv(text: string, questions: readonly Question[]): TestCasesFromCsv {
  const records = parseCsvRecords(text);
  const errors: TestCaseCsvError[] = [];
  const cases: RuleTestCase[] = [];
  const header = (records[0] ?? []).map((h) => h.trim());
  const byId = new Map(questions.map((q) => [q.id, q]));
  const columns = header.map((h) => {
    const lower = h.toLowerCase();
    if (FIXED.includes(lower)) return lower;
    if (lower.startsWith(ANSWER_PREFIX)) {
      const id = h.slice(ANSWER_PREFIX.length);
      if (byId.has(id)) return `${ANSWER_PREFIX}${id}`;
      errors.push({
        row: 1,
        column: h,
        message: {
          en: `The program has no question ${id}.`,
          es: `El programa no tiene la pregunta ${id}.`,
        },
      });
      return null;
    }
    errors.push({
      row: 1,
      column: h,
      message: {
        en: `Unknown column. Use ${FIXED.join(', ')} or answer.<question id>.`,
        es: `Columna desconocida. Use ${FIXED.join(', ')} o answer.<id de la pregunta>.`,
      },
    });
    return null;
  });
  for (const required of ['name', 'expected', 'amount'])
    if (!columns.includes(required))
      errors.push({
        row: 1,
        column: required,
        message: {
          en: `The column ${required} is missing.`,
          es: `Falta la columna ${required}.`,
        },
      });
  if (errors.length > 0) return { cases, errors };
  if (records.length < 2)
    return {
      cases,
      errors: [
        {
          row: 2,
          column: 'name',
          message: {
            en: 'The file has no test cases.',
            es: 'El archivo no tiene casos de prueba.',
          },
        },
      ],
    };

  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const rowErrors: TestCaseCsvError[] = [];
    const get = (column: string) => {
      const at = columns.indexOf(column);
      return at < 0 ? '' : (cells[at] ?? '');
    };
    const shown = (column: string) => header[columns.indexOf(column)] ?? column;
    function read<T>(column: string, parse: (v: string) => Cell<T>, fallback?: T): T | undefined {
      const raw = get(column);
      if (raw.trim() === '') {
        if (fallback === undefined)
          rowErrors.push({
            row,
            column: shown(column),
            message: { en: 'This cell is empty.', es: 'Esta celda está vacía.' },
          });
        return fallback;
      }
      const r = parse(raw);
      if (r.ok) return r.value;
      rowErrors.push({ row, column: shown(column), message: r.message });
      return undefined;
    }
    if (cells.length > header.length)
      rowErrors.push({
        row,
        column: header[header.length - 1] ?? 'name',
        message: {
          en: `This row has ${cells.length} cells but the header has ${header.length}: quote cells that hold a comma.`,
          es: `Esta fila tiene ${cells.length} celdas pero el encabezado tiene ${header.length}: ponga entre comillas las celdas con comas.`,
        },
      });
    const name = read('name', (v) => ({ ok: true, value: v.trim().slice(0, 200) }));
    const expected = read('expected', (v) => oneOf<ExpectedOutcome>(v, expectedOutcomes));
    const amountCents = read('amount', parseAmount);
    const eligible = read(
      'eligible',
      (v) => {
        const b = parseYesNo(v);
        return b === null ? bad('Write yes or no.', 'Escriba sí o no.') : { ok: true, value: b };
      },
      true,
    );
    const riskLevel = read('risk_level', (v) => oneOf<RiskLevel>(v, riskLevels), 'none');
    const approvedRequests = read('approved_requests', parseCount, 0);
    const returnedPayments = read('returned_payments', parseCount, 0);
    const prenote = read(
      'prenote',
      (v) => oneOf<AccountPrenoteState>(v, accountPrenoteStates),
      'none',
    );
    const answers: Record<string, AnswerValue> = {};
    columns.forEach((column) => {
      if (!column?.startsWith(ANSWER_PREFIX)) return;
      const q = byId.get(column.slice(ANSWER_PREFIX.length))!;
      if (get(column).trim() === '') return;
      const value = read(column, (v) => parseAnswer(v, q));
      if (value !== undefined) answers[q.id] = value;
    });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    cases.push({
      name: name!,
      expected: expected!,
      inputs: {
        amountCents: amountCents!,
        answers,
        eligible: eligible!,
        riskLevel: riskLevel!,
        approvedRequests: approvedRequests!,
        returnedPayments: returnedPayments!,
        prenote: prenote!,
      },
    });
  });
  return { cases, errors };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function answerCell(v: AnswerValue | undefined): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/**
 * The cases as CSV in the format `testCasesFromCsv` reads (money answers of `questions` in dollars), so an
 * exported file reads back to the same cases.
 */
export function testCasesToCsv(
  cases: readonly RuleTestCase[],
  questions: readonly Question[],
): string {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answerIds = [...new Set(cases.flatMap((c) => Object.keys(c.inputs.answers)))].sort();
  const header = [...FIXED, ...answerIds.map((id) => `${ANSWER_PREFIX}${id}`)];
  const lines = cases.map((c) => {
    const i = c.inputs;
    return [
      c.name,
      c.expected,
      centsToDecimalString(i.amountCents),
      i.eligible ? 'yes' : 'no',
      i.riskLevel,
      String(i.approvedRequests),
      String(i.returnedPayments),
      i.prenote,
      ...answerIds.map((id) => {
        const v = i.answers[id];
        return byId.get(id)?.type === 'money' && typeof v === 'number'
          ? centsToDecimalString(v)
          : answerCell(v);
      }),
    ]
      .map(quote)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
