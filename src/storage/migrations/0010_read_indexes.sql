-- Indexes for the reads that filter parcours by their association or département (alerts, lists,
-- statistics scopes): without them each of those reads scanned every parcours of the instance
-- (bench/README.md: a busy association's alerts, 66 ms of CPU each on the national dataset).
-- @all
CREATE INDEX parcours_association ON parcours(association_id, state);
CREATE INDEX parcours_departement ON parcours(departement_code, state);
