-- sql/functions/verticals/architecture/decision_ref.sql — the display id of an ADR number. Layer: vertical.
create or replace function architecture.decision_ref(number int)
returns text language sql immutable strict set search_path = ''
as $$
  select 'ADR-' || lpad(decision_ref.number::text, 4, '0');
$$;
grant execute on function architecture.decision_ref(int) to authenticated, sidecar;
