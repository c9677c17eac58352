-- Rights of a parcours: AFIS applications (with the MSA's answer), APS, housing, other rights.
-- Each record is an encrypted JSON document (ADR 0002); `kind` stays clear for counting.
-- @all
CREATE TABLE rights_records (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  kind TEXT NOT NULL CHECK (kind IN ('afis', 'aps', 'housing', 'other')),
  content_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX rights_records_parcours ON rights_records(parcours_id, kind);
