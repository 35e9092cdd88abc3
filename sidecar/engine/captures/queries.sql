-- sidecar/engine/captures/queries.sql — named statements of the captures feature. Layer: engine.

-- create_capture --
-- Store (or find, by content hash) a capture and queue its derivation; RLS and grants apply (we run as the user).
select api.create_capture(%(source)s, %(kind)s, %(content)s, %(metadata)s::jsonb) as result;
