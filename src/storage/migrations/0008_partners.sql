-- The partner network reserved to professionals (FR-CIDFF report, « Fiche 5 »): organisations
-- that can help, never persons. Lists of codes are stored as ",a,b," so that one LIKE finds a code.
-- @all
CREATE TABLE partners (
  id {{ID}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  domains TEXT NOT NULL,
  departement_code TEXT NOT NULL REFERENCES departements(code),
  departements TEXT NOT NULL,
  street TEXT NOT NULL,
  postcode TEXT NOT NULL,
  city TEXT NOT NULL,
  latitude TEXT,
  longitude TEXT,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  opening_hours TEXT NOT NULL,
  languages TEXT NOT NULL,
  accepts_minors INTEGER NOT NULL,
  accepts_men_trans INTEGER NOT NULL,
  notes TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  last_verified_on TEXT,
  last_verified_by BIGINT REFERENCES users(id),
  archived_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partners_departement ON partners(departement_code);
-- Which parcours have, in their latest document, an action linked to a partner: rewritten with
-- each new version of the document, read only to count.
CREATE TABLE parcours_partner_links (
  parcours_id BIGINT NOT NULL REFERENCES parcours(id),
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  PRIMARY KEY (parcours_id, partner_id)
);
CREATE INDEX parcours_partner_links_partner ON parcours_partner_links(partner_id);
