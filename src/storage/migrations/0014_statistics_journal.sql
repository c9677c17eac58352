-- The statistics journal: which persons' statistical records each write changed, so that the
-- statistics kept in memory (usecases/statistics_store.hpp) read again only those persons' rows
-- instead of every row of the country. Every record the dashboards count hangs off one person
-- (referrals, assessments, parcours and, through them, periods, rights, demandes, agenda items,
-- decisions and their notifications); a trigger on each of those tables writes the person of the
-- row changed (before and after an update), with no generation. The transaction that raises the
-- data generation stamps its rows with the new value just before it commits
-- (SociUnitOfWork::Commit), under the data generation's row lock on PostgreSQL, so that stamps
-- follow the commit order. Rows older than a few thousand generations are pruned;
-- data_generation.journal_since says from which generation on the journal is complete (a reader
-- behind it reads everything again).
-- @all
CREATE TABLE statistics_journal (
    id {{ID}},
    generation BIGINT,
    person_id BIGINT
);
CREATE INDEX statistics_journal_generation ON statistics_journal (generation);
ALTER TABLE data_generation ADD COLUMN journal_since BIGINT NOT NULL DEFAULT 0;
UPDATE data_generation SET journal_since = value;
-- @sqlite
CREATE TRIGGER persons_journal_insert AFTER INSERT ON persons BEGIN INSERT INTO statistics_journal (person_id) SELECT NEW.id; END;
CREATE TRIGGER persons_journal_update AFTER UPDATE ON persons BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.id UNION SELECT NEW.id; END;
CREATE TRIGGER persons_journal_delete AFTER DELETE ON persons BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.id; END;
CREATE TRIGGER referrals_journal_insert AFTER INSERT ON referrals BEGIN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END;
CREATE TRIGGER referrals_journal_update AFTER UPDATE ON referrals BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id UNION SELECT NEW.person_id; END;
CREATE TRIGGER referrals_journal_delete AFTER DELETE ON referrals BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END;
CREATE TRIGGER assessments_journal_insert AFTER INSERT ON assessments BEGIN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END;
CREATE TRIGGER assessments_journal_update AFTER UPDATE ON assessments BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id UNION SELECT NEW.person_id; END;
CREATE TRIGGER assessments_journal_delete AFTER DELETE ON assessments BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END;
CREATE TRIGGER parcours_journal_insert AFTER INSERT ON parcours BEGIN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END;
CREATE TRIGGER parcours_journal_update AFTER UPDATE ON parcours BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id UNION SELECT NEW.person_id; END;
CREATE TRIGGER parcours_journal_delete AFTER DELETE ON parcours BEGIN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END;
CREATE TRIGGER periods_journal_insert AFTER INSERT ON periods BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER periods_journal_update AFTER UPDATE ON periods BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id UNION SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER periods_journal_delete AFTER DELETE ON periods BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END;
CREATE TRIGGER rights_records_journal_insert AFTER INSERT ON rights_records BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER rights_records_journal_update AFTER UPDATE ON rights_records BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id UNION SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER rights_records_journal_delete AFTER DELETE ON rights_records BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END;
CREATE TRIGGER demandes_journal_insert AFTER INSERT ON demandes BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER demandes_journal_update AFTER UPDATE ON demandes BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id UNION SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER demandes_journal_delete AFTER DELETE ON demandes BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END;
CREATE TRIGGER decisions_journal_insert AFTER INSERT ON decisions BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER decisions_journal_update AFTER UPDATE ON decisions BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id UNION SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END;
CREATE TRIGGER decisions_journal_delete AFTER DELETE ON decisions BEGIN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END;
CREATE TRIGGER agenda_items_journal_insert AFTER INSERT ON agenda_items BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.demande_id; END;
CREATE TRIGGER agenda_items_journal_update AFTER UPDATE ON agenda_items BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.demande_id UNION SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.demande_id; END;
CREATE TRIGGER agenda_items_journal_delete AFTER DELETE ON agenda_items BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.demande_id; END;
CREATE TRIGGER decision_notifications_journal_insert AFTER INSERT ON decision_notifications BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.decision_id; END;
CREATE TRIGGER decision_notifications_journal_update AFTER UPDATE ON decision_notifications BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.decision_id UNION SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.decision_id; END;
CREATE TRIGGER decision_notifications_journal_delete AFTER DELETE ON decision_notifications BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.decision_id; END;
CREATE TRIGGER seances_journal_insert AFTER INSERT ON seances BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = NEW.id; END;
CREATE TRIGGER seances_journal_update AFTER UPDATE ON seances BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = OLD.id UNION SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = NEW.id; END;
CREATE TRIGGER seances_journal_delete AFTER DELETE ON seances BEGIN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = OLD.id; END;
-- @postgresql
CREATE FUNCTION persons_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT OLD.id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT NEW.id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER persons_journal AFTER INSERT OR UPDATE OR DELETE ON persons FOR EACH ROW EXECUTE FUNCTION persons_journal();
CREATE FUNCTION referrals_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER referrals_journal AFTER INSERT OR UPDATE OR DELETE ON referrals FOR EACH ROW EXECUTE FUNCTION referrals_journal();
CREATE FUNCTION assessments_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER assessments_journal AFTER INSERT OR UPDATE OR DELETE ON assessments FOR EACH ROW EXECUTE FUNCTION assessments_journal();
CREATE FUNCTION parcours_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT OLD.person_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT NEW.person_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER parcours_journal AFTER INSERT OR UPDATE OR DELETE ON parcours FOR EACH ROW EXECUTE FUNCTION parcours_journal();
CREATE FUNCTION periods_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER periods_journal AFTER INSERT OR UPDATE OR DELETE ON periods FOR EACH ROW EXECUTE FUNCTION periods_journal();
CREATE FUNCTION rights_records_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER rights_records_journal AFTER INSERT OR UPDATE OR DELETE ON rights_records FOR EACH ROW EXECUTE FUNCTION rights_records_journal();
CREATE FUNCTION demandes_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER demandes_journal AFTER INSERT OR UPDATE OR DELETE ON demandes FOR EACH ROW EXECUTE FUNCTION demandes_journal();
CREATE FUNCTION decisions_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = OLD.parcours_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT person_id FROM parcours WHERE id = NEW.parcours_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER decisions_journal AFTER INSERT OR UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_journal();
CREATE FUNCTION agenda_items_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.demande_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM demandes d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.demande_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER agenda_items_journal AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION agenda_items_journal();
CREATE FUNCTION decision_notifications_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = OLD.decision_id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM decisions d JOIN parcours p ON p.id = d.parcours_id WHERE d.id = NEW.decision_id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER decision_notifications_journal AFTER INSERT OR UPDATE OR DELETE ON decision_notifications FOR EACH ROW EXECUTE FUNCTION decision_notifications_journal();
CREATE FUNCTION seances_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = OLD.id; END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO statistics_journal (person_id) SELECT p.person_id FROM agenda_items a JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = d.parcours_id WHERE a.seance_id = NEW.id; END IF; RETURN NULL; END; $$;
CREATE TRIGGER seances_journal AFTER INSERT OR UPDATE OR DELETE ON seances FOR EACH ROW EXECUTE FUNCTION seances_journal();
