-- sql/tests/chassis/internal_functions.test.sql — chassis internals that would let a caller pick their own principal,
-- forge audit rows or skip the membership rules are executable by nobody but their owner. Layer: chassis (tests).
begin;
select plan(27);

select ok(not has_function_privilege(r.rolname, f.fn, 'execute'), format('%s cannot execute %s', r.rolname, f.fn))
from (values
  ('chassis.set_envelope(text,uuid,uuid,text,text,text,text,text,boolean)'::regprocedure),
  ('chassis.provision_user(text,text,text,text)'),
  ('chassis.create_tenant(text,text,text,uuid)'),
  ('chassis.audit_append(uuid,text,text,jsonb,jsonb)'),
  ('chassis.open_invitation(text)'),
  ('chassis.assert_other_owner(uuid,uuid)'),
  ('chassis.register_action(text,text[])'),
  ('chassis.enable_audit(regclass,text)'),
  ('chassis.enable_versioning(regclass)')
) as f (fn)
cross join (values ('authenticated'), ('sidecar'), ('operator')) as r (rolname)
order by f.fn::text, r.rolname;

select * from finish();
rollback;
