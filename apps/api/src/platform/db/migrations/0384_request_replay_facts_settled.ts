import { sql, type Kysely } from 'kysely';

// Policy simulation at 1,000,000 requests (issue 14, bench/simulations): the replay's paid figure is the payments
// settled in the period (paymentFigureStatuses.paid: 'settled'), and reading them beside the requests cost a hash of
// every settled payment of the program and a join per part of the period: more than the requests' own columns. A
// request has at most one settled payment (payments_one_live_per_request: a settled payment is live), so
// request_replay_facts keeps it on the request's row: its amount and when it settled (coalesce(settled_at,
// updated_at), the overview's settlement date, finance/repo.ts#paymentStatusAt), kept by statement-level triggers on
// payments (owner: payments) in the transaction that writes them, as 0383 keeps the rest. The recount recomputes
// these columns too.

/** The settled payment of each request among `requests` (a relation with a request_id column), or nulls. */
const settledOf = (requests: string) => `
  select q.request_id, p.amount_cents as settled_cents, coalesce(p.settled_at, p.updated_at) as settled_at
  from (select distinct request_id from ${requests}) q
  left join payments p on p.request_id = q.request_id and p.status = 'settled'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table request_replay_facts add column settled_cents bigint, add column settled_at timestamptz;

    -- The requests submitted before a period but paid in it (few), beside those decided in it (0383's decided_idx).
    create index request_replay_facts_settled_idx on request_replay_facts (program_id, settled_at)
      where status <> 'draft' and settled_at is not null;

    -- 0383's recount, with the settled payment.
    create or replace function request_replay_facts_recount() returns void language plpgsql as $$
    begin
      lock table request_replay_facts in exclusive mode;
      delete from request_replay_facts;
      insert into request_replay_facts (request_id, program_id, applicant_id, status, submitted_at, decided_at,
          due_at, amount_requested_cents, approved_amount_cents, payee_account_id, risk_level, language, claimed_at,
          first_decision_at, first_approval_at, decided_by_rule, settled_cents, settled_at)
        select r.id, r.program_id, r.applicant_id, r.status, r.submitted_at, r.decided_at, r.due_at,
          r.amount_requested_cents, r.approved_amount_cents, r.payee_account_id, r.risk_level, u.language,
          ev.claimed_at, ev.first_decision_at, ev.first_approval_at,
          exists (select 1 from decisions d where d.request_id = r.id and d.rule_version_id is not null),
          p.amount_cents, coalesce(p.settled_at, p.updated_at)
        from requests r
        join users u on u.id = r.applicant_id
        left join (
          select e.request_id,
            min(e.created_at) filter (where e.type = 'claimed') as claimed_at,
            min(e.created_at) filter (where e.actor_kind = 'user' and e.type <> 'claimed') as first_decision_at,
            min(e.created_at) filter (where e.type = 'first_approval') as first_approval_at
          from request_events e
          where e.type in ('claimed', 'first_approval', 'approved', 'rejected')
          group by e.request_id
        ) ev on ev.request_id = r.id
        left join payments p on p.request_id = r.id and p.status = 'settled';
    end;
    $$;

    -- payments: a payment written, changed or removed sets its request's settled payment anew (an update that
    -- changes neither, as most do, writes nothing). A payment's request never changes, so its new or old rows name
    -- the requests touched.
    create function request_replay_facts_payments() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update request_replay_facts f set settled_cents = s.settled_cents, settled_at = s.settled_at
        from (${settledOf('new_rows')}) s
        where f.request_id = s.request_id
          and (f.settled_cents, f.settled_at) is distinct from (s.settled_cents, s.settled_at);
      else
        update request_replay_facts f set settled_cents = s.settled_cents, settled_at = s.settled_at
        from (${settledOf('old_rows')}) s
        where f.request_id = s.request_id
          and (f.settled_cents, f.settled_at) is distinct from (s.settled_cents, s.settled_at);
      end if;
      return null;
    end;
    $$;
    create trigger payments_replay_facts_insert after insert on payments
      referencing new table as new_rows for each statement execute function request_replay_facts_payments();
    create trigger payments_replay_facts_update after update on payments
      referencing old table as old_rows for each statement execute function request_replay_facts_payments();
    create trigger payments_replay_facts_delete after delete on payments
      referencing old table as old_rows for each statement execute function request_replay_facts_payments();

    create function request_replay_facts_payments_truncate() returns trigger language plpgsql as $$
    begin
      update request_replay_facts set settled_cents = null, settled_at = null where settled_at is not null;
      return null;
    end;
    $$;
    create trigger payments_replay_facts_truncate after truncate on payments
      for each statement execute function request_replay_facts_payments_truncate();

    update request_replay_facts f set settled_cents = p.amount_cents,
      settled_at = coalesce(p.settled_at, p.updated_at)
    from payments p
    where p.request_id = f.request_id and p.status = 'settled';
  `,
    )
    .execute(db);
}
