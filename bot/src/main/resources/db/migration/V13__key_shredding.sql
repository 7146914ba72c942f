-- SPDX-License-Identifier: GPL-3.0-or-later
-- Erasure that holds on disk (docs/privacy.md, "Erasure on disk"). Nulling patient_key.wrapped_key
-- leaves the old row version, key bytes included, in the table file until the table is rewritten,
-- and in the WAL until the server moves past it. The shredder (KeyShredder, as the schema owner)
-- rewrites patient_key with VACUUM FULL, switches and checkpoints the WAL, and then records here
-- that a destroyed key is gone from disk too.

alter table patient_key add column shredded_at timestamptz;
create index patient_key_unshredded on patient_key (destroyed_at) where wrapped_key is null and shredded_at is null;
