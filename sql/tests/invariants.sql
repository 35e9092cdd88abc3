-- sql/tests/invariants.sql — catalog queries behind sql/tests/_invariants/*.test.sql; each returns the offenders.
-- Layer: chassis (tests). Scope: every schema except the system ones, extensions, tests and public (pgTAP).

-- Tables (plain and partitioned) outside api without RLS enabled and forced; pgTAP's temp tables excluded.
create function tests.tables_without_forced_rls()
returns setof regclass
language sql stable
as $$
  select c.oid::regclass
  from pg_class as c
  inner join pg_namespace as n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p')
    and c.relpersistence <> 't'
    and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'api', 'extensions', 'tests', 'public')
    and n.nspname not like 'pg_temp%'
    and not (c.relrowsecurity and c.relforcerowsecurity)
  order by 1;
$$;

-- SECURITY DEFINER functions that do not pin search_path, and any SECURITY DEFINER function in api.
create function tests.unsafe_definer_functions()
returns table (fn regprocedure, problem text)
language sql stable
as $$
  select p.oid::regprocedure,
    case when n.nspname = 'api' then 'security definer in api' else 'search_path not pinned' end
  from pg_proc as p
  inner join pg_namespace as n on n.oid = p.pronamespace
  where p.prosecdef
    and n.nspname not in ('pg_catalog', 'information_schema', 'extensions')
    and not exists (select 1 from pg_depend as d where d.objid = p.oid and d.deptype = 'e')
    and (n.nspname = 'api' or not exists (
      select 1 from unnest(p.proconfig) as cfg where cfg like 'search_path=%'
    ))
  order by 1;
$$;

-- api views that would run with their owner's rights.
create function tests.api_views_without_security_invoker()
returns setof regclass
language sql stable
as $$
  select c.oid::regclass
  from pg_class as c
  inner join pg_namespace as n on n.oid = c.relnamespace
  where n.nspname = 'api' and c.relkind in ('v', 'm')
    and not coalesce(
      (select option_value::boolean from pg_options_to_table(c.reloptions) where option_name = 'security_invoker'),
      false
    )
  order by 1;
$$;

-- Functions anon (hence also PUBLIC) may execute, minus tests.anon_executable_allowed.
create table tests.anon_executable_allowed (
  fn text primary key
);
create function tests.functions_executable_by_anon()
returns setof regprocedure
language sql stable
as $$
  select p.oid::regprocedure
  from pg_proc as p
  inner join pg_namespace as n on n.oid = p.pronamespace
  where n.nspname not in ('pg_catalog', 'information_schema', 'extensions', 'tests', 'public', 'pg_toast')
    and not exists (select 1 from pg_depend as d where d.objid = p.oid and d.deptype = 'e')
    and has_function_privilege('anon', p.oid, 'execute')
    and p.oid::regprocedure::text not in (select a.fn from tests.anon_executable_allowed as a)
  order by 1;
$$;

-- The pinned api surface: rows per layer come from sql/tests/surface/<layer>.sql.
create table tests.api_surface_expected (
  name text not null,
  kind text not null check (kind in ('view', 'table', 'function', 'other')),
  primary key (name, kind)
);
create function tests.api_surface_actual()
returns table (name text, kind text)
language sql stable
as $$
  select c.relname::text, case c.relkind when 'v' then 'view' when 'r' then 'table' else 'other' end
  from pg_class as c
  inner join pg_namespace as n on n.oid = c.relnamespace
  where n.nspname = 'api' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
  union
  select p.proname::text, 'function'
  from pg_proc as p
  inner join pg_namespace as n on n.oid = p.pronamespace
  where n.nspname = 'api'
  union
  select t.typname::text, 'other'
  from pg_type as t
  inner join pg_namespace as n on n.oid = t.typnamespace
  where n.nspname = 'api' and t.typtype in ('c', 'd', 'e') and t.typrelid = 0;
$$;
-- Objects present but not listed, and listed but missing.
create function tests.api_surface_diff()
returns table (name text, kind text, problem text)
language sql stable
as $$
  (select a.name, a.kind, 'not listed in sql/tests/surface/' from tests.api_surface_actual() as a
   except select e.name, e.kind, 'not listed in sql/tests/surface/' from tests.api_surface_expected as e)
  union all
  (select e.name, e.kind, 'listed but missing' from tests.api_surface_expected as e
   except select a.name, a.kind, 'listed but missing' from tests.api_surface_actual() as a)
  order by 1, 2;
$$;

-- Policies calling a row-independent chassis getter (current_*() or can('action')) without wrapping it in
-- (select …): the call then runs once per row instead of once per statement (Supabase lint 0003).
create function tests.policies_with_unwrapped_getters()
returns table (tbl text, policy name, expression text)
language sql stable
as $$
  select p.schemaname || '.' || p.tablename, p.policyname, e.expr
  from pg_policies as p
  cross join lateral (select coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '') as expr) as e
  where regexp_replace(e.expr, 'SELECT chassis\.', 'SELECT wrapped.', 'g')
    ~ 'chassis\.(current_\w+\(\)|can\(''[^'']*''(::text)?\))'
  order by 1, 2;
$$;

-- Foreign keys pointing up the layers (dependencies point vertical → engine → chassis only). Ranks: extensions 0;
-- chassis and its helper schemas (procrastinate, ops) 1; engine 2; any other schema (a vertical) 3. A vertical may
-- not reference another vertical.
create function tests.upward_foreign_keys()
returns table (constraint_name name, from_table regclass, to_table regclass)
language sql stable
as $$
  with ranked as (
    select n.oid, n.nspname,
      case
        when n.nspname = 'extensions' then 0
        when n.nspname in ('chassis', 'procrastinate', 'ops') then 1
        when n.nspname = 'engine' then 2
        else 3
      end as layer
    from pg_namespace as n
  )
  select c.conname, c.conrelid::regclass, c.confrelid::regclass
  from pg_constraint as c
  inner join pg_class as src on src.oid = c.conrelid
  inner join pg_class as dst on dst.oid = c.confrelid
  inner join ranked as s on s.oid = src.relnamespace
  inner join ranked as d on d.oid = dst.relnamespace
  where c.contype = 'f'
    and s.nspname not in ('tests', 'public')
    and (d.layer > s.layer or (d.layer = 3 and s.layer = 3 and d.nspname <> s.nspname))
  order by 1;
$$;

-- PL/pgSQL functions with errors plpgsql_check finds (unknown functions, columns, types) — what sqlfluff cannot see
-- inside $$ bodies. Trigger functions are checked against a table they are attached to; unattached ones are skipped.
create function tests.plpgsql_check_errors()
returns table (fn regprocedure, lineno int, message text)
language sql volatile
as $$
  select p.oid::regprocedure, r.lineno, r.message
  from pg_proc as p
  inner join pg_namespace as n on n.oid = p.pronamespace
  inner join pg_language as l on l.oid = p.prolang
  left join lateral (select t.tgrelid from pg_trigger as t where t.tgfoid = p.oid limit 1) as tg on true
  cross join lateral plpgsql_check_function_tb(p.oid, coalesce(tg.tgrelid, 0), fatal_errors => false) as r
  where l.lanname = 'plpgsql'
    and n.nspname not in ('pg_catalog', 'information_schema', 'extensions', 'public', 'tests')
    and not exists (select 1 from pg_depend as d where d.objid = p.oid and d.deptype = 'e')
    and (p.prorettype <> 'trigger'::regtype or tg.tgrelid is not null)
    and r.level = 'error'
  order by 1, 2;
$$;

grant select on tests.anon_executable_allowed, tests.api_surface_expected to public;
grant execute on all functions in schema tests to public;
