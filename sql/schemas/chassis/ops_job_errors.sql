-- sql/schemas/chassis/ops_job_errors.sql — why jobs failed: one row per failed run (procrastinate keeps no error
-- text). Layer: chassis. Written by the worker through chassis.record_job_error_v1(); read by operators (ops views).
create table chassis.job_errors (
  id bigint generated always as identity primary key,
  job_id bigint not null,
  task text not null,
  attempt int not null check (attempt > 0),
  error text not null,
  at timestamptz not null default now()
);
create index job_errors_job_id_idx on chassis.job_errors (job_id, id desc);
alter table chassis.job_errors enable row level security;
alter table chassis.job_errors force row level security;
grant select on chassis.job_errors to operator;
