-- bench/rest/schema.sql — data for `make bench-rest`: posts under RLS (owner = JWT sub) with an author to embed.
-- Layer: bench. Loaded as superuser into a fresh database; roles anon, authenticated, authenticator exist.
create schema api;

create table api.authors (
  id int primary key,
  name text not null
);

create table api.posts (
  id serial primary key,
  owner text not null default (current_setting('request.jwt.claims', true)::json ->> 'sub'),
  author_id int not null references api.authors (id),
  title text not null,
  body text not null
);
create index posts_owner_idx on api.posts (owner);
create index posts_author_id_idx on api.posts (author_id);
alter table api.posts enable row level security;
create policy posts_owner on api.posts to authenticated
  using (owner = ((select current_setting('request.jwt.claims', true))::json ->> 'sub'))
  with check (owner = ((select current_setting('request.jwt.claims', true))::json ->> 'sub'));

grant usage on schema api to anon, authenticated;
grant select on api.authors to authenticated;
grant select, insert on api.posts to authenticated;
grant usage on sequence api.posts_id_seq to authenticated;

insert into api.authors (id, name) select i, 'author ' || i from generate_series(1, 100) as i;
insert into api.posts (owner, author_id, title, body)
select 'u' || (i % 10), 1 + i % 100, 'post ' || i, repeat('lorem ipsum ', 8) from generate_series(1, 10000) as i;
analyze api.authors;
analyze api.posts;
