-- sql/functions/verticals/architecture/tg_decisions__index_search.sql — ADRs in the vertical's search index.
-- Layer: vertical. Definer: the index is written by the owner, not the caller. Title A; the ADR-0007 id and the
-- context B; drivers, options, outcome, consequences, confirmation, more information and tags C. No catalog facets.
create or replace function architecture.tg_decisions__index_search()
returns trigger language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform architecture.search_unindex('decision', old.id::text);
    return old;
  end if;
  perform architecture.search_index(
    'decision', new.id::text, new.tenant_id, new.title, architecture.decision_ref(new.number), new.context,
    concat_ws(
      E'\n', array_to_string(new.decision_drivers, E'\n'),
      (select string_agg(concat_ws(' ', o.title, o.description, array_to_string(o.pros || o.neutral || o.cons, ' ')),
        E'\n' order by o.ord)
        from architecture.decision_options as o where o.decision_id = new.id),
      new.outcome_justification,
      array_to_string(new.consequences_good || new.consequences_bad || new.consequences_neutral, E'\n'),
      new.confirmation, new.more_information, array_to_string(new.tags, ' ')
    ),
    architecture.decision_ref(new.number), '/decisions/' || new.number
  );
  return new;
end;
$$;
revoke all on function architecture.tg_decisions__index_search() from public;

create trigger _700_index_search after insert or update or delete on architecture.decisions
for each row execute function architecture.tg_decisions__index_search();
