import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { LocalizedText } from '@hms/contracts/language';
import type { Database } from './db/schema.ts';
import { sendCsvFile } from './csv-download.ts';

/**
 * What every route of a money read model (the finance workspace) shares: its figures are never cached and read in
 * the agency time zone, a list answers JSON or a streamed CSV download, and the figures' written definitions are
 * repeated in OpenAPI.
 */

/** A money figure is never cached by a browser or a proxy: it is as fresh as the database when asked. */
export function neverCached(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/** The response of a list that also answers format=csv. */
export const csvOrJson = <P extends z.ZodType>(page: P) =>
  z.union([page, z.string().describe('format=csv: CSV, RFC 4180, UTF-8')]);

/** The figures' definitions as one OpenAPI sentence list ("paid: Payments settled in the period…"). */
const definitionsText = (definitions: Record<string, LocalizedText>): string =>
  Object.entries(definitions)
    .map(([figure, text]) => `${figure}: ${text.en}`)
    .join(' ');

/** What a route of a money read model says for itself; its roles stay in its description ("Roles: …."). */
interface Operation<Q extends z.ZodType> {
  operationId: string;
  summary: string;
  description: string;
  querystring: Q;
}

/** A route group (route-options.ts#routeGroup): who may call the route, given its schema. */
type Group<S> = (schema: S) => RouteShorthandOptions;

/** The service's reading of what a query asks for, in the agency time zone. */
type Reading<Q extends z.ZodType, R> = (
  db: Kysely<Database>,
  timeZone: string,
  query: z.output<Q>,
) => Promise<R>;

interface FiguresRoute<Q extends z.ZodType, F extends z.ZodType> extends Operation<Q> {
  /** The figures' schema. */
  figures: F;
  /** The figures' written definitions (contracts), repeated after the description. */
  definitions: Record<string, LocalizedText>;
  read: Reading<Q, z.input<F>>;
}

/** GET `url`: the figures a query asks for (an overview, budgets, trends). */
export function figuresRoute<Q extends z.ZodType, F extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  group: Group<Operation<Q> & { response: { 200: F } }>,
  { querystring, figures, definitions, read, description, ...operation }: FiguresRoute<Q, F>,
): void {
  const { db, config } = app;
  app.get(
    url,
    group({
      ...operation,
      description: `${description} ${definitionsText(definitions)}`,
      querystring,
      response: { 200: figures },
    }),
    // Validated against `querystring` before the handler runs.
    async (request: FastifyRequest) => read(db, config.timezone, request.query as z.output<Q>),
  );
}

interface CsvListRoute<
  Q extends z.ZodType<{ format?: 'json' | 'csv' }>,
  P extends z.ZodType,
> extends Operation<Q> {
  /** The JSON page's schema. */
  page: P;
  /** The download's name: `hms-<csvName>.csv`. */
  csvName: string;
  /** The page the query asks for, and every matching row as CSV: the service's two readings of one list. */
  list: Reading<Q, z.input<P>>;
  csv: Reading<Q, Readable>;
}

/** GET `url`: a list that answers one JSON page, or with format=csv every matching row as a streamed download. */
export function csvListRoute<Q extends z.ZodType<{ format?: 'json' | 'csv' }>, P extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  group: Group<
    Operation<Q> & { produces: string[]; response: { 200: ReturnType<typeof csvOrJson<P>> } }
  >,
  { querystring, page, csvName, list, csv, ...operation }: CsvListRoute<Q, P>,
): void {
  const { db, config } = app;
  app.get(
    url,
    group({
      ...operation,
      querystring,
      produces: ['application/json', 'text/csv'],
      response: { 200: csvOrJson(page) },
    }),
    async (request: FastifyRequest, reply: FastifyReply) => {
      // Validated against `querystring` before the handler runs.
      const query = request.query as z.output<Q>;
      return query.format === 'csv'
        ? sendCsvFile(reply, `hms-${csvName}.csv`, await csv(db, config.timezone, query))
        : list(db, config.timezone, query);
    },
  );
}
