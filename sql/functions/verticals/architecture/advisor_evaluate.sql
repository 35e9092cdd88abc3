-- sql/functions/verticals/architecture/advisor_evaluate.sql — run the rule set over validated answers: the flavour
-- (highest precedence among fired rules), the mechanisms (each with the first rule that asked for it), the global
-- catalog patterns ranked by summed boosts with the rules behind them, and every fired rule with the answers that
-- made it fire ("because"). Deterministic. Layer: vertical.
create function architecture.advisor_evaluate(answers jsonb)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  r architecture.advisor_rules;
  v_flavour_rule architecture.advisor_rules;
  v_fired jsonb := '[]';
  v_mechanisms jsonb := '[]';
  v_boosts jsonb := '[]';
  v_stopped_at text;
  v_mechanism text;
  v_ruleset text;
  v_flavour jsonb;
  v_patterns jsonb;
  v_because jsonb;
begin
  for r in select * from architecture.advisor_rules as x order by x.ord loop
    continue when not architecture.advisor_condition_holds(r.condition, advisor_evaluate.answers);
    v_ruleset := r.ruleset;
    select coalesce(pg_catalog.jsonb_object_agg(c ->> 'q', advisor_evaluate.answers -> (c ->> 'q')), '{}')
    into v_because
    from pg_catalog.jsonb_array_elements(r.condition -> 'all') as c;
    v_fired := v_fired || pg_catalog.jsonb_build_array(
      pg_catalog.jsonb_build_object('rule', r.id, 'source', r.source, 'reason', r.reason, 'because', v_because)
    );
    if r.flavour is not null and (v_flavour_rule.id is null or r.flavour_precedence > v_flavour_rule.flavour_precedence)
    then
      v_flavour_rule := r;
    end if;
    foreach v_mechanism in array r.mechanisms loop
      if not v_mechanisms @> pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('mechanism', v_mechanism)) then
        v_mechanisms := v_mechanisms || pg_catalog.jsonb_build_array(
          pg_catalog.jsonb_build_object(
            'mechanism', v_mechanism, 'rule', r.id, 'reason', r.reason, 'because', v_because
          )
        );
      end if;
    end loop;
    v_boosts := v_boosts || coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'slug', b.key, 'boost', b.value::int, 'rule', r.id, 'reason', r.reason
      )) from pg_catalog.jsonb_each_text(r.pattern_boosts) as b
    ), '[]');
    if r.stop then
      v_stopped_at := r.id;
      exit;
    end if;
  end loop;

  select pg_catalog.jsonb_build_object(
    'number', f.flavour, 'name', f.name, 'summary', f.summary,
    'rule', v_flavour_rule.id, 'reason', v_flavour_rule.reason
  ) into v_flavour
  from architecture.advisor_flavours as f where f.flavour = v_flavour_rule.flavour;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
    'rank', ranked.rank, 'slug', ranked.slug, 'name', ranked.name, 'category', ranked.category,
    'complexity', ranked.complexity, 'score', ranked.score, 'why', ranked.why
  ) order by ranked.rank), '[]') into v_patterns
  from (
    select p.slug, p.name, p.category, p.complexity, sum(b.boost)::int as score,
      pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('rule', b.rule, 'boost', b.boost, 'reason', b.reason)
        order by b.boost desc, b.rule) as why,
      pg_catalog.row_number() over (order by sum(b.boost) desc, p.complexity, p.name) as rank
    from pg_catalog.jsonb_to_recordset(v_boosts) as b (slug text, boost int, rule text, reason text)
    join architecture.patterns as p on p.slug = b.slug and p.tenant_id is null
    group by p.slug, p.name, p.category, p.complexity
  ) as ranked;

  return pg_catalog.jsonb_build_object(
    'ruleset', v_ruleset,
    'flavour', v_flavour,
    'mechanisms', v_mechanisms,
    'patterns', v_patterns,
    'fired', v_fired,
    'stopped_at', v_stopped_at
  );
end;
$$;
grant execute on function architecture.advisor_evaluate(jsonb) to authenticated, sidecar, operator;
