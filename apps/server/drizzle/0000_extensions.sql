-- Trigram indexes for accent-insensitive word-prefix search (pg_trgm is a trusted extension:
-- a database owner may create it; PGlite loads it in-process).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
