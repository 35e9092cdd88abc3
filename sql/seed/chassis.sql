-- sql/seed/chassis.sql — demo identities for make run: acme (olivia owner, adam admin, mia member, victor viewer,
-- dora deactivated), globex (gary owner, mia viewer), umbrella (suspended; suzy owner). Layer: chassis.
-- Subjects match `stance token <subject>` (issuer https://dev.stance.local).
select chassis.operator_session('seed', 'demo data for make run') as request_id;

create temp table seed_people (subject text primary key, email text, name text) on commit drop;
insert into seed_people values
('olivia', 'olivia@acme.test', 'Olivia Owner'),
('adam', 'adam@acme.test', 'Adam Admin'),
('mia', 'mia@acme.test', 'Mia Member'),
('victor', 'victor@acme.test', 'Victor Viewer'),
('dora', 'dora@acme.test', 'Dora Deactivated'),
('gary', 'gary@globex.test', 'Gary Globex'),
('suzy', 'suzy@umbrella.test', 'Suzy Suspended');
select chassis.provision_user('https://dev.stance.local', p.subject, p.email, p.name) as user_id
from seed_people as p
order by p.subject;

create function pg_temp.seed_user(sub text) returns uuid language sql stable as $$
  select id from chassis.users where issuer = 'https://dev.stance.local' and subject = sub;
$$;
select chassis.create_tenant('team', 'acme', 'Acme Corp', pg_temp.seed_user('olivia')) as acme;
select chassis.create_tenant('team', 'globex', 'Globex', pg_temp.seed_user('gary')) as globex;
select chassis.create_tenant('team', 'umbrella', 'Umbrella', pg_temp.seed_user('suzy')) as umbrella;

insert into chassis.memberships (tenant_id, user_id, role)
select t.id, pg_temp.seed_user(m.subject) as user_id, m.role
from (values
  ('acme', 'adam', 'admin'),
  ('acme', 'mia', 'member'),
  ('acme', 'victor', 'viewer'),
  ('acme', 'dora', 'member'),
  ('globex', 'mia', 'viewer')
) as m (slug, subject, role)
inner join chassis.tenants as t on t.slug = m.slug::extensions.citext;

update chassis.tenants set status = 'suspended'
where slug = 'umbrella';
update chassis.users set status = 'deactivated'
where id = pg_temp.seed_user('dora');
