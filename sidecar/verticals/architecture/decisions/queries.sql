-- sidecar/verticals/architecture/decisions/queries.sql — named statements of ADR import/export. Layer: vertical.

-- records --
-- The caller's records (all, or one by id) with their MADR document; RLS applies.
select d.id, d.number, d.status, d.status_raw, d.document, d.source_format
from api.architecture_decisions as d
where %(id)s::uuid is null or d.id = %(id)s::uuid
order by d.number;

-- relations --
-- Links of those records from both ends, with pattern slugs and article URLs for the front matter.
select r.decision_id, r.direction, r.kind, r.other_number, r.scope_note,
  p.slug as pattern_slug, r.pattern_id, coalesce(a.url, r.article_id::text) as article_ref
from api.architecture_decision_relations as r
left join api.architecture_patterns as p on r.pattern_id = p.id
left join api.architecture_articles as a on r.article_id = a.id
where %(id)s::uuid is null or r.decision_id = %(id)s::uuid
order by r.kind, r.other_number;

-- import --
-- One parsed file: created, updated or unchanged; a taken number is replaced by the next free one.
select api.architecture_decision_import(
  %(document)s, %(number)s, %(status)s, %(status_raw)s, %(source_format)s, %(source_path)s, %(uid)s
) as result;

-- import_links --
-- A file's links (record numbers as the server gave them, patterns, articles); problems are reported, not raised.
select api.architecture_decision_import_links(%(id)s, %(links)s) as result;

-- pattern --
-- A pattern by slug or id, the tenant's own before the global one.
select p.id from api.architecture_patterns as p
where p.slug = %(ref)s or p.id::text = %(ref)s
order by (p.scope = 'custom') desc
limit 1;

-- article --
-- An article of the tenant by URL or id.
select a.id from api.architecture_articles as a where a.url = %(ref)s or a.id::text = %(ref)s limit 1;
