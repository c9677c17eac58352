-- A write transaction that changed a table the statistics read raises the data generation
-- (storage/statistics_tables.hpp). SQLite says so through its update hook; on PostgreSQL a
-- statement-level trigger on each of those tables marks the transaction in a setting local to it
-- (no row written, no lock taken), which the transaction reads before it commits.
-- @postgresql
CREATE FUNCTION mark_statistics_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM set_config('parcours.statistics_changed', 'on', true); RETURN NULL; END; $$;
CREATE TRIGGER agenda_items_statistics AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER agrements_statistics AFTER INSERT OR UPDATE OR DELETE ON agrements FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER assessments_statistics AFTER INSERT OR UPDATE OR DELETE ON assessments FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER associations_statistics AFTER INSERT OR UPDATE OR DELETE ON associations FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER commission_members_statistics AFTER INSERT OR UPDATE OR DELETE ON commission_members FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER commissions_statistics AFTER INSERT OR UPDATE OR DELETE ON commissions FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER decision_notifications_statistics AFTER INSERT OR UPDATE OR DELETE ON decision_notifications FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER decisions_statistics AFTER INSERT OR UPDATE OR DELETE ON decisions FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER demandes_statistics AFTER INSERT OR UPDATE OR DELETE ON demandes FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER departements_statistics AFTER INSERT OR UPDATE OR DELETE ON departements FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER parcours_statistics AFTER INSERT OR UPDATE OR DELETE ON parcours FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER periods_statistics AFTER INSERT OR UPDATE OR DELETE ON periods FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER persons_statistics AFTER INSERT OR UPDATE OR DELETE ON persons FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER referrals_statistics AFTER INSERT OR UPDATE OR DELETE ON referrals FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER regions_statistics AFTER INSERT OR UPDATE OR DELETE ON regions FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER rights_records_statistics AFTER INSERT OR UPDATE OR DELETE ON rights_records FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
CREATE TRIGGER seances_statistics AFTER INSERT OR UPDATE OR DELETE ON seances FOR EACH STATEMENT EXECUTE FUNCTION mark_statistics_changed();
