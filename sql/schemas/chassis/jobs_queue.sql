-- sql/schemas/chassis/jobs_queue.sql — procrastinate's own tables and functions, in the private schema `procrastinate`.
-- Layer: chassis. The DDL is procrastinate's schema.sql from the installed (pinned) package: scripts/load-sql passes
-- its path as the psql variable procrastinate_schema_sql. Only the sidecar (worker bookkeeping) and definer
-- functions touch these objects; anon/authenticated have no privilege on them, and RLS is forced like everywhere.
create schema procrastinate;
set local search_path = procrastinate, pg_catalog;
\i :procrastinate_schema_sql
reset search_path;

-- procrastinate's SQL names its objects unqualified: pin every function to the schema so any caller resolves them.
do $$
declare
  r record;
begin
  for r in
    select p.oid::regprocedure as fn
    from pg_proc as p
    where p.pronamespace = 'procrastinate'::regnamespace
  loop
    execute format('alter function %s set search_path = procrastinate, pg_catalog', r.fn);
  end loop;
  for r in
    select c.oid::regclass as tbl
    from pg_class as c
    where c.relnamespace = 'procrastinate'::regnamespace and c.relkind = 'r'
  loop
    execute format('alter table %s enable row level security', r.tbl);
    execute format('alter table %s force row level security', r.tbl);
    execute format('create policy worker_all on %s for all to sidecar using (true) with check (true)', r.tbl);
  end loop;
end;
$$;

grant usage on schema procrastinate to sidecar;
grant select, insert, update, delete on all tables in schema procrastinate to sidecar;
grant usage, select on all sequences in schema procrastinate to sidecar;
grant execute on all functions in schema procrastinate to sidecar;

-- Tenant-scoped listings and fairness counts read the principal stamped into every job's args.
create index procrastinate_jobs_tenant_idx on procrastinate.procrastinate_jobs (
  ((args -> 'principal' ->> 'tenant_id')), status
);
