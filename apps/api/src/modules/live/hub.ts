import pg from 'pg';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/schema.ts';
import { notifySourceOf } from '../../platform/db/connect.ts';
import { LIVE_CHANNEL } from '../../platform/request-events.ts';

type Listener = (payload: string) => void;

/**
 * Fans out PostgreSQL NOTIFYs on `hms_events` to this instance's SSE clients. Every instance LISTENs on the same
 * database, so a change committed through any instance reaches the clients of all of them; nothing is kept in
 * memory that another instance would need (a client that reconnects just refetches).
 */
export class LiveHub {
  readonly #listeners = new Set<Listener>();
  #stop: (() => Promise<void>) | null = null;
  #stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  get size(): number {
    return this.#listeners.size;
  }

  subscribe(fn: Listener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #fanOut = (payload: string) => {
    for (const fn of this.#listeners) {
      try {
        fn(payload);
      } catch (err) {
        this.log.warn({ err }, 'live: a client failed to receive an event');
      }
    }
  };

  async start(): Promise<void> {
    const source = notifySourceOf(this.db);
    if (!source) {
      this.log.warn('live: no LISTEN source for this database; live updates are off');
      return;
    }
    if (source.kind === 'pglite') {
      const unsubscribe = await source.pglite.listen(LIVE_CHANNEL, this.#fanOut);
      this.#stop = async () => {
        if (!source.pglite.closed) await unsubscribe();
      };
      return;
    }
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const connect = async (attempt: number): Promise<void> => {
      if (this.#stopped) return;
      const c = new pg.Client(source.clientConfig);
      client = c;
      const again = () => {
        if (this.#stopped || client !== c) return;
        client = null;
        c.removeAllListeners();
        c.on('error', () => undefined);
        void c.end().catch(() => undefined);
        const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        this.log.warn({ delay }, 'live: LISTEN connection lost; reconnecting');
        retry = setTimeout(() => void connect(attempt + 1), delay);
      };
      c.on('error', again);
      c.on('end', again);
      c.on('notification', (n) => {
        if (n.channel === LIVE_CHANNEL && n.payload) this.#fanOut(n.payload);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${LIVE_CHANNEL}`);
        // Clients may have missed events while we were away: tell them to refetch.
        if (attempt > 0) this.#fanOut(JSON.stringify({ kind: 'resync' }));
      } catch {
        again();
      }
    };
    await connect(0);
    this.#stop = async () => {
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    };
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#listeners.clear();
    await this.#stop?.();
  }
}
