-- The case workflow: persons, referrals, criteria grids, assessments, parcours and their periods,
-- the parcours document (versioned), follow-ups, demandes, and the append-only event history.
-- Columns ending in _enc hold XChaCha20-Poly1305 ciphertext (base64 text), never clear text.
-- @all
ALTER TABLE associations ADD COLUMN siret TEXT;
ALTER TABLE associations ADD COLUMN rna TEXT;
ALTER TABLE associations ADD COLUMN declaration_date TEXT;
CREATE TABLE persons (
  id {{ID}},
  association_id BIGINT NOT NULL REFERENCES associations(id),
  departement_code TEXT NOT NULL REFERENCES departements(code),
  pseudonym TEXT NOT NULL UNIQUE,
  identity_enc TEXT NOT NULL,
  protected_enc TEXT NOT NULL,
  duplicate_key TEXT NOT NULL,
  sex_or_gender TEXT NOT NULL,
  contact_channel TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX persons_association ON persons(association_id);
CREATE INDEX persons_duplicate ON persons(duplicate_key);
CREATE TABLE referrals (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  notes_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX referrals_person ON referrals(person_id);
CREATE TABLE criteria_grids (
  id {{ID}},
  departement_code TEXT NOT NULL REFERENCES departements(code),
  version INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  criteria_json TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (departement_code, version)
);
CREATE TABLE assessments (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  departement_code TEXT NOT NULL REFERENCES departements(code),
  date TEXT NOT NULL,
  grid_version INTEGER NOT NULL,
  answers_enc TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason_code TEXT,
  author_role TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id);
CREATE TABLE parcours (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  association_id BIGINT NOT NULL REFERENCES associations(id),
  departement_code TEXT NOT NULL REFERENCES departements(code),
  state TEXT NOT NULL,
  exit_date TEXT,
  exit_reason TEXT,
  exit_outcome_enc TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX parcours_person ON parcours(person_id);
CREATE UNIQUE INDEX parcours_one_open_per_person ON parcours(person_id) WHERE state <> 'exited';
CREATE TABLE periods (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 4),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  gap_days_before INTEGER NOT NULL,
  demande_id BIGINT NOT NULL,
  UNIQUE (parcours_id, number)
);
CREATE TABLE parcours_documents (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  version INTEGER NOT NULL,
  period_number INTEGER NOT NULL,
  content_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (parcours_id, version)
);
CREATE TABLE followups (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  action_index INTEGER,
  content_enc TEXT NOT NULL,
  post_parcours INTEGER NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX followups_parcours ON followups(parcours_id, date);
CREATE TABLE demandes (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  kind TEXT NOT NULL CHECK (kind IN ('initiale', 'renouvellement')),
  number INTEGER NOT NULL,
  state TEXT NOT NULL,
  content_enc TEXT NOT NULL,
  association_favourable INTEGER NOT NULL,
  sworn_statement INTEGER NOT NULL,
  document_version INTEGER,
  submitted_at TEXT,
  avis_outcome TEXT,
  avis_reasons TEXT,
  avis_date TEXT,
  decision_outcome TEXT,
  decision_start TEXT,
  decision_end TEXT,
  decision_reasons TEXT,
  decision_notified_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX demandes_parcours ON demandes(parcours_id);
CREATE TABLE parcours_events (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  at TEXT NOT NULL,
  date TEXT NOT NULL,
  actor_user_id BIGINT NOT NULL,
  actor_role TEXT NOT NULL,
  event_type TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  basis TEXT NOT NULL,
  reasons TEXT NOT NULL
);
CREATE INDEX parcours_events_parcours ON parcours_events(parcours_id, id);
-- History is append-only (ARCHITECTURE §3): corrections are new events.
-- @sqlite
CREATE TRIGGER parcours_events_no_update BEFORE UPDATE ON parcours_events BEGIN SELECT RAISE(ABORT, 'parcours_events is append-only'); END;
CREATE TRIGGER parcours_events_no_delete BEFORE DELETE ON parcours_events BEGIN SELECT RAISE(ABORT, 'parcours_events is append-only'); END;
-- @postgresql
CREATE FUNCTION parcours_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'parcours_events is append-only'; END; $$;
CREATE TRIGGER parcours_events_no_update BEFORE UPDATE OR DELETE ON parcours_events FOR EACH ROW EXECUTE FUNCTION parcours_events_append_only();
