-- sql/functions/verticals/architecture/decision_next_statuses.sql — the ADR lifecycle graph. Layer: vertical.
-- draft → proposed | withdrawn; proposed → accepted | rejected | withdrawn; accepted → deprecated | superseded.
-- rejected, withdrawn, deprecated and superseded are terminal (re-opening = a new record that relates_to the old).
create or replace function architecture.decision_next_statuses(status text)
returns text [] language sql immutable strict set search_path = ''
as $$
  select case decision_next_statuses.status
    when 'draft' then array['proposed', 'withdrawn']
    when 'proposed' then array['accepted', 'rejected', 'withdrawn']
    when 'accepted' then array['deprecated', 'superseded']
    else array[]::text []
  end;
$$;
grant execute on function architecture.decision_next_statuses(text) to authenticated, sidecar;
