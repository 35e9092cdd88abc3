-- sql/api/engine/captures.sql — the current tenant's captures. Layer: engine.
create view api.captures with (security_invoker = true) as
select c.id, c.source, c.kind, c.content, c.content_hash, c.metadata, c.created_by, c.created_at
from engine.captures as c;
grant select on api.captures to authenticated;
