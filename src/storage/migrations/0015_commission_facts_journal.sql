-- The commission facts of the statistics (commissions, their séances and members, agréments:
-- usecases/statistics_facts.cpp, LoadCommissionFacts) kept in memory too: a write to one of
-- those tables leaves a row with no person in the statistics journal (migration 0014), stamped
-- with the generation like the others, and the statistics kept in memory read the commission
-- facts again only then, instead of at each computation (6 ms of a national one).
-- @sqlite
CREATE TRIGGER agrements_commission_journal_insert AFTER INSERT ON agrements BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER agrements_commission_journal_update AFTER UPDATE ON agrements BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER agrements_commission_journal_delete AFTER DELETE ON agrements BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commission_members_commission_journal_insert AFTER INSERT ON commission_members BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commission_members_commission_journal_update AFTER UPDATE ON commission_members BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commission_members_commission_journal_delete AFTER DELETE ON commission_members BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commissions_commission_journal_insert AFTER INSERT ON commissions BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commissions_commission_journal_update AFTER UPDATE ON commissions BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER commissions_commission_journal_delete AFTER DELETE ON commissions BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER seances_commission_journal_insert AFTER INSERT ON seances BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER seances_commission_journal_update AFTER UPDATE ON seances BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
CREATE TRIGGER seances_commission_journal_delete AFTER DELETE ON seances BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); END;
-- @postgresql
CREATE FUNCTION commission_facts_journal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO statistics_journal (person_id) VALUES (NULL); RETURN NULL; END; $$;
CREATE TRIGGER agrements_commission_journal AFTER INSERT OR UPDATE OR DELETE ON agrements FOR EACH STATEMENT EXECUTE FUNCTION commission_facts_journal();
CREATE TRIGGER commission_members_commission_journal AFTER INSERT OR UPDATE OR DELETE ON commission_members FOR EACH STATEMENT EXECUTE FUNCTION commission_facts_journal();
CREATE TRIGGER commissions_commission_journal AFTER INSERT OR UPDATE OR DELETE ON commissions FOR EACH STATEMENT EXECUTE FUNCTION commission_facts_journal();
CREATE TRIGGER seances_commission_journal AFTER INSERT OR UPDATE OR DELETE ON seances FOR EACH STATEMENT EXECUTE FUNCTION commission_facts_journal();
