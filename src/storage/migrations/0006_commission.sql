-- The commission and the préfet (CASF R121-12-1 to R121-12-10): agréments of associations,
-- departmental commissions, their members and sessions (séances), the agenda with each avis,
-- attendance, the préfet's decisions (append-only), their notifications and the appeals.
-- Free-text reasons may describe a person's situation: they are stored encrypted (`_enc`).
-- @all
CREATE TABLE agrements (
  id {{ID}},
  association_id BIGINT NOT NULL REFERENCES associations(id),
  departement_code TEXT NOT NULL REFERENCES departements(code),
  filed_on TEXT NOT NULL,
  missing_requested_on TEXT,
  missing_items TEXT,
  documents_completed_on TEXT,
  decision TEXT CHECK (decision IN ('approved', 'refused')),
  decided_on TEXT,
  decision_reasons TEXT,
  arrete_ref TEXT,
  withdrawn_on TEXT,
  withdrawal_reasons TEXT,
  renews_id BIGINT REFERENCES agrements(id),
  created_by BIGINT NOT NULL, -- 0: recorded with the command line (existing agréments)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agrements_association ON agrements(association_id, departement_code);
CREATE TABLE commissions (
  id {{ID}},
  departement_code TEXT NOT NULL UNIQUE REFERENCES departements(code),
  installed_on TEXT,
  co_chaired INTEGER NOT NULL,
  quorum_percent INTEGER NOT NULL CHECK (quorum_percent BETWEEN 1 AND 100),
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE commission_members (
  id {{ID}},
  commission_id BIGINT NOT NULL REFERENCES commissions(id),
  category TEXT NOT NULL,
  category_version TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  titular INTEGER NOT NULL,
  appointed_on TEXT NOT NULL,
  term_end TEXT NOT NULL,
  arrete_ref TEXT,
  trained_on TEXT,
  user_id BIGINT REFERENCES users(id),
  association_id BIGINT REFERENCES associations(id),
  ended_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX commission_members_commission ON commission_members(commission_id);
CREATE INDEX commission_members_user ON commission_members(user_id);
CREATE TABLE seances (
  id {{ID}},
  commission_id BIGINT NOT NULL REFERENCES commissions(id),
  date TEXT NOT NULL,
  place TEXT NOT NULL,
  video_link TEXT,
  convocation_sent_on TEXT,
  second_convocation INTEGER NOT NULL,
  attendance_recorded INTEGER NOT NULL,
  minutes_sent_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX seances_commission ON seances(commission_id, date);
CREATE TABLE seance_attendance (
  seance_id BIGINT NOT NULL REFERENCES seances(id),
  member_id BIGINT NOT NULL REFERENCES commission_members(id),
  status TEXT NOT NULL CHECK (status IN ('present', 'represented', 'absent', 'excused')),
  represented_by TEXT,
  PRIMARY KEY (seance_id, member_id)
);
CREATE TABLE agenda_items (
  id {{ID}},
  seance_id BIGINT NOT NULL REFERENCES seances(id),
  demande_id BIGINT NOT NULL REFERENCES demandes(id),
  position INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('tabled', 'avis_given', 'withdrawn')),
  avis_outcome TEXT CHECK (avis_outcome IN ('favorable', 'defavorable', 'ajourne')),
  avis_reasons_enc TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  abstentions INTEGER,
  votes_json TEXT,
  recused_json TEXT,
  avis_recorded_at TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX agenda_items_seance ON agenda_items(seance_id, position);
CREATE INDEX agenda_items_demande ON agenda_items(demande_id);
CREATE TABLE decisions (
  id {{ID}},
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  demande_id BIGINT REFERENCES demandes(id),
  outcome TEXT NOT NULL
    CHECK (outcome IN ('autorise', 'refuse', 'renouvele', 'non_renouvele', 'fin_anticipee')),
  reasons_enc TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  signed_by BIGINT NOT NULL REFERENCES users(id),
  period_start TEXT,
  period_end TEXT,
  departs_from_avis INTEGER NOT NULL,
  corrects_id BIGINT REFERENCES decisions(id),
  appeal_id BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX decisions_parcours ON decisions(parcours_id);
CREATE INDEX decisions_demande ON decisions(demande_id);
CREATE TABLE decision_notifications (
  id {{ID}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  date TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('association', 'courrier', 'courriel')),
  acknowledged_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX decision_notifications_decision ON decision_notifications(decision_id);
CREATE TABLE appeals (
  id {{ID}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  kind TEXT NOT NULL CHECK (kind IN ('gracieux', 'tribunal_administratif',
                                     'cour_administrative_appel', 'conseil_etat')),
  filed_on TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('rejete', 'accorde', 'desistement')),
  outcome_on TEXT,
  notes_enc TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appeals_decision ON appeals(decision_id);
ALTER TABLE demandes ADD COLUMN returned_enc TEXT;
-- A signed decision is never changed nor deleted: a correction is a new row (corrects_id).
-- @sqlite
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
-- @postgresql
CREATE FUNCTION decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'decisions are immutable'; END; $$;
CREATE TRIGGER decisions_no_update BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_immutable();
