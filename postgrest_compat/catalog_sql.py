"""Catalog queries the schema cache runs (one read-only transaction, no per-request catalog access).

Layer: postgrest_compat.
"""

from __future__ import annotations

RELATIONS = """
select c.oid::int, n.nspname, c.relname, c.relkind::text, obj_description(c.oid, 'pg_class'),
  case when c.relkind in ('r', 'p') then 28 else pg_relation_is_updatable(c.oid::regclass, true) end
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'v', 'm', 'f', 'p') and not c.relispartition
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
"""

COLUMNS = """
select a.attrelid::int, a.attnum::int, a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull,
  pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum),
  t.typname, t.typtype::text, t.typcategory::text,
  case when a.atttypmod > 4 and t.typname in ('varchar', 'bpchar') then a.atttypmod - 4 end,
  (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = bt.oid),
  coalesce(bt.typname, t.typname), a.attgenerated <> '' or a.attidentity = 'a'
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'v', 'm', 'f', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
order by a.attrelid, a.attnum
"""

CONSTRAINTS = """
select con.conname, con.contype::text, con.conrelid::int, con.confrelid::int,
  con.conkey::int[], con.confkey::int[]
from pg_constraint con
join pg_namespace n on n.oid = con.connamespace
where con.contype in ('p', 'u', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
order by con.conrelid, con.conname
"""

VIEW_DEFS = """
select r.ev_class::int, r.ev_action::text
from pg_rewrite r join pg_class c on c.oid = r.ev_class
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and r.rulename = '_RETURN'
  and n.nspname not in ('pg_catalog', 'information_schema')
"""

FUNCTIONS = """
select p.oid::int, n.nspname, p.proname, obj_description(p.oid, 'pg_proc'),
  coalesce(p.proargnames, '{}'::text[]), coalesce(p.proallargtypes::int[], p.proargtypes::int[]),
  coalesce(p.proargmodes::text[], '{}'::text[]), p.pronargdefaults, p.provariadic <> 0,
  p.prorettype::int, p.proretset, p.provolatile::text, rt.typtype::text, rt.typrelid::int,
  format_type(p.prorettype, null), coalesce(p.proconfig, '{}'::text[]),
  array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) as x),
  rt.typname, (p.prorows = 1 and p.proretset)
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
where n.nspname = any(%s) and p.prokind in ('f', 'p')
"""

ROLE_SETTINGS = """
select r.rolname, s.setconfig
from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
order by s.setdatabase
"""

SCHEMA_COMMENTS = """
select n.nspname, obj_description(n.oid, 'pg_namespace') from pg_namespace n where n.nspname = any(%s)
"""

PRIVILEGES = """
select c.oid::int,
  has_table_privilege(%s, c.oid, 'select'), has_table_privilege(%s, c.oid, 'insert'),
  has_table_privilege(%s, c.oid, 'update'), has_table_privilege(%s, c.oid, 'delete')
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(%s) and c.relkind in ('r', 'v', 'm', 'f', 'p')
"""
