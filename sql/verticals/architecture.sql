-- sql/verticals/architecture.sql — manifest of the `architecture` vertical (catalog, articles, ADRs, advisor).
-- Order: schemas → functions → policies. Layer: vertical. May depend on chassis and engine.
\ir ../schemas/verticals/architecture/00_schema.sql
