import type { FastifyInstance } from 'fastify';
import type { ProblemFieldError } from '@hms/contracts/problem';
import { badRequest, sendProblem } from './errors.ts';

/**
 * C0 controls except tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL in text and jsonb
 * (a 500 before this check), and the others have no business in names, answers or descriptions: they hide text in
 * logs and exports. Tab and line breaks stay allowed: multi-line answers and notes need them.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const MAX_ERRORS = 20;

function collect(value: unknown, path: string, out: ProblemFieldError[], depth = 0): void {
  if (out.length >= MAX_ERRORS || depth > 32) return;
  if (typeof value === 'string') {
    if (CONTROL.test(value))
      out.push({
        field: path,
        code: 'field.control_characters',
        message: `${path.slice(path.indexOf('.') + 1) || path} contains a control character (such as a NUL byte or an escape code). Remove it and send the text again.`,
      });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${path}.${i}`, out, depth + 1));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const safeKey = k.replace(new RegExp(CONTROL.source, 'g'), '?');
      if (CONTROL.test(k))
        out.push({
          field: `${path}.${safeKey}`,
          code: 'field.control_characters',
          message: `The field name ${safeKey} contains a control character. Remove it and send again.`,
        });
      collect(v, `${path}.${safeKey}`, out, depth + 1);
    }
  }
}

/**
 * One check for all text the API receives (body, query, path parameters), before any route's schema runs: a control
 * character is a 400 naming the field, for every route, present and future, without each schema repeating the rule.
 */
export function registerControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const errors: ProblemFieldError[] = [];
    collect(request.params, 'params', errors);
    collect(request.query, 'query', errors);
    if (request.body !== undefined && !Buffer.isBuffer(request.body))
      collect(request.body, 'body', errors);
    if (errors.length > 0)
      return sendProblem(
        request,
        reply,
        badRequest(
          'validation.failed',
          'Some fields contain control characters (such as a NUL byte). Remove them and try again.',
          errors,
        ),
      );
  });
}
