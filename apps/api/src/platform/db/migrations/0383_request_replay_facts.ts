import { sql, type Kysely } from 'kysely';

// Policy simulation at 1,000,000 requests (issue 14, bench/simulations): the replay (read-models/replay-history.ts)
// read the wide requests rows of a program (the answers are inline) and, per request, looked its claims and decisions
// up among its events (request_events_replay_idx, 0380) and its decisions: ten million index pages for a million
// requests. request_replay_facts holds, per request, what the replay reads, one narrow row each, so a period is one
// range of (program, submission time):
// - copied from the request (owner: applications): program, applicant, status, submission, decision and due times,
//   the amounts asked and approved, the payee account and the risk level;
// - the applicant's language (owner: auth; only a change of eligibility counts requests by it);
// - from its events (platform/request-events.ts): the first claim, a person's first decision (first approval,
//   approval or rejection) and the first of two approvals;
// - from its decisions (owner: decisions): whether a decision rule made a decision on it.
// Written only by the statement-level triggers below, in the transaction that writes the rows they copy (the pattern
// of finance_day_totals, 0360), so it is exactly as fresh as they are; drafts have their row too (a draft changes
// into a submission by an update). request_replay_facts_recount() recomputes every row from the tables: the
// migration fills the table with it, and the simulations test compares the kept rows with it.

/** The replay's facts of the requests `r` (with their applicant's language), before their events and decisions. */
const requestColumns = `request_id, program_id, applicant_id, status, submitted_at, decided_at, due_at,
  amount_requested_cents, approved_amount_cents, payee_account_id, risk_level, language`;
const requestValues = (r: string) => `${r}.id, ${r}.program_id, ${r}.applicant_id, ${r}.status,
  ${r}.submitted_at, ${r}.decided_at, ${r}.due_at, ${r}.amount_requested_cents, ${r}.approved_amount_cents,
  ${r}.payee_account_id, ${r}.risk_level`;

/** The event facts of each request among the rows of `events` (request_events, or a transition table of it). */
const eventFacts = (events: string, where = 'true') => `
  select e.request_id,
    min(e.created_at) filter (where e.type = 'claimed') as claimed_at,
    min(e.created_at) filter (where e.actor_kind = 'user' and e.type <> 'claimed') as first_decision_at,
    min(e.created_at) filter (where e.type = 'first_approval') as first_approval_at
  from ${events} e
  where e.type in ('claimed', 'first_approval', 'approved', 'rejected') and ${where}
  group by e.request_id`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table request_replay_facts (
      request_id uuid primary key references requests (id) on delete cascade,
      program_id uuid not null,
      applicant_id uuid not null,
      status text not null,
      submitted_at timestamptz,
      decided_at timestamptz,
      due_at timestamptz,
      amount_requested_cents bigint not null,
      approved_amount_cents bigint,
      payee_account_id uuid,
      risk_level text not null,
      language text not null,
      claimed_at timestamptz,
      first_decision_at timestamptz,
      first_approval_at timestamptz,
      decided_by_rule boolean not null default false
    );

    -- The period's submissions in submission order (the replay's order), and the earlier requests decided in it.
    create index request_replay_facts_submitted_idx on request_replay_facts (program_id, submitted_at, request_id)
      where status <> 'draft';
    create index request_replay_facts_decided_idx on request_replay_facts (program_id, decided_at)
      where status <> 'draft' and decided_at is not null;
    create index request_replay_facts_applicant_idx on request_replay_facts (applicant_id);

    create function request_replay_facts_recount() returns void language plpgsql as $$
    begin
      lock table request_replay_facts in exclusive mode;
      delete from request_replay_facts;
      insert into request_replay_facts (${requestColumns}, claimed_at, first_decision_at, first_approval_at,
          decided_by_rule)
        select ${requestValues('r')}, u.language, ev.claimed_at, ev.first_decision_at, ev.first_approval_at,
          exists (select 1 from decisions d where d.request_id = r.id and d.rule_version_id is not null)
        from requests r
        join users u on u.id = r.applicant_id
        left join (${eventFacts('request_events')}) ev on ev.request_id = r.id;
    end;
    $$;

    -- requests: a new request gets its row; a change copies what changed (an update that changes none of these
    -- columns, as most do, writes nothing). A deleted request takes its row with it (on delete cascade).
    create function request_replay_facts_requests() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into request_replay_facts (${requestColumns})
          select ${requestValues('n')}, u.language
          from new_rows n join users u on u.id = n.applicant_id;
      else
        update request_replay_facts f set program_id = n.program_id, applicant_id = n.applicant_id,
          status = n.status, submitted_at = n.submitted_at, decided_at = n.decided_at, due_at = n.due_at,
          amount_requested_cents = n.amount_requested_cents, approved_amount_cents = n.approved_amount_cents,
          payee_account_id = n.payee_account_id, risk_level = n.risk_level,
          language = coalesce((select u.language from users u where u.id = n.applicant_id), f.language)
        from new_rows n
        where f.request_id = n.id
          and (f.program_id, f.applicant_id, f.status, f.submitted_at, f.decided_at, f.due_at,
            f.amount_requested_cents, f.approved_amount_cents, f.payee_account_id, f.risk_level)
          is distinct from (n.program_id, n.applicant_id, n.status, n.submitted_at, n.decided_at, n.due_at,
            n.amount_requested_cents, n.approved_amount_cents, n.payee_account_id, n.risk_level);
      end if;
      return null;
    end;
    $$;
    create trigger requests_replay_facts_insert after insert on requests
      referencing new table as new_rows for each statement execute function request_replay_facts_requests();
    create trigger requests_replay_facts_update after update on requests
      referencing new table as new_rows for each statement execute function request_replay_facts_requests();

    -- users: a change of language reaches the applicant's requests (any other change of a user touches nothing).
    create function request_replay_facts_language() returns trigger language plpgsql as $$
    begin
      update request_replay_facts f set language = n.language
      from new_rows n join old_rows o on o.id = n.id
      where n.language is distinct from o.language and f.applicant_id = n.id;
      return null;
    end;
    $$;
    create trigger users_replay_facts_language after update on users
      referencing old table as old_rows new table as new_rows
      for each statement execute function request_replay_facts_language();

    -- request_events: an added claim or decision can only make a first one earlier (least() passes over nulls);
    -- events are only appended, but a change or a removal recounts the requests it touched.
    create function request_replay_facts_events() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update request_replay_facts f set claimed_at = least(f.claimed_at, e.claimed_at),
          first_decision_at = least(f.first_decision_at, e.first_decision_at),
          first_approval_at = least(f.first_approval_at, e.first_approval_at)
        from (${eventFacts('new_rows')}) e
        where f.request_id = e.request_id;
      else
        update request_replay_facts f set claimed_at = e.claimed_at, first_decision_at = e.first_decision_at,
          first_approval_at = e.first_approval_at
        from (
          select o.request_id, ev.claimed_at, ev.first_decision_at, ev.first_approval_at
          from (select distinct request_id from old_rows) o
          left join lateral (${eventFacts('request_events', 'e.request_id = o.request_id')}) ev on true
        ) e
        where f.request_id = e.request_id;
      end if;
      return null;
    end;
    $$;
    create trigger request_events_replay_facts_insert after insert on request_events
      referencing new table as new_rows for each statement execute function request_replay_facts_events();
    create trigger request_events_replay_facts_update after update on request_events
      referencing old table as old_rows for each statement execute function request_replay_facts_events();
    create trigger request_events_replay_facts_delete after delete on request_events
      referencing old table as old_rows for each statement execute function request_replay_facts_events();

    -- decisions: a decision by a rule marks its request; a change or a removal recounts the requests it touched.
    create function request_replay_facts_decisions() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update request_replay_facts f set decided_by_rule = true
        from (select distinct request_id from new_rows where rule_version_id is not null) d
        where f.request_id = d.request_id and not f.decided_by_rule;
      else
        update request_replay_facts f set decided_by_rule = exists (select 1 from decisions x
          where x.request_id = f.request_id and x.rule_version_id is not null)
        from (select distinct request_id from old_rows) d
        where f.request_id = d.request_id;
      end if;
      return null;
    end;
    $$;
    create trigger decisions_replay_facts_insert after insert on decisions
      referencing new table as new_rows for each statement execute function request_replay_facts_decisions();
    create trigger decisions_replay_facts_update after update on decisions
      referencing old table as old_rows for each statement execute function request_replay_facts_decisions();
    create trigger decisions_replay_facts_delete after delete on decisions
      referencing old table as old_rows for each statement execute function request_replay_facts_decisions();

    -- A truncate leaves no event or decision to count.
    create function request_replay_facts_truncate() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'request_events' then
        update request_replay_facts set claimed_at = null, first_decision_at = null, first_approval_at = null;
      else
        update request_replay_facts set decided_by_rule = false;
      end if;
      return null;
    end;
    $$;
    create trigger request_events_replay_facts_truncate after truncate on request_events
      for each statement execute function request_replay_facts_truncate();
    create trigger decisions_replay_facts_truncate after truncate on decisions
      for each statement execute function request_replay_facts_truncate();

    set local work_mem = '256MB';
    select request_replay_facts_recount();
  `,
    )
    .execute(db);
}
