-- Retention (CNIL, docs/retention.md): a person's file moves to the restricted archive
-- (archived_on), then is anonymised (anonymised_on). After anonymisation the identity columns are
-- empty and statistics_enc holds, encrypted, only what the statistics read (a coarsened birth
-- date, the nationality, the forms of victimisation).
-- @all
ALTER TABLE persons ADD COLUMN archived_on TEXT;
ALTER TABLE persons ADD COLUMN anonymised_on TEXT;
ALTER TABLE persons ADD COLUMN statistics_enc TEXT;
CREATE INDEX persons_archived ON persons(archived_on);
-- Signed decisions and the parcours history stay append-only, with one exception: anonymisation
-- may erase their free text (decisions.reasons_enc, parcours_events.reasons, set to '') and
-- nothing else. Any other UPDATE, and every DELETE, is still refused by the engine.
-- @sqlite
DROP TRIGGER decisions_no_update;
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions WHEN NOT (NEW.reasons_enc = '' AND NEW.id IS OLD.id AND NEW.parcours_id IS OLD.parcours_id AND NEW.demande_id IS OLD.demande_id AND NEW.outcome IS OLD.outcome AND NEW.signed_on IS OLD.signed_on AND NEW.signed_by IS OLD.signed_by AND NEW.period_start IS OLD.period_start AND NEW.period_end IS OLD.period_end AND NEW.departs_from_avis IS OLD.departs_from_avis AND NEW.corrects_id IS OLD.corrects_id AND NEW.appeal_id IS OLD.appeal_id AND NEW.created_at IS OLD.created_at) BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
DROP TRIGGER parcours_events_no_update;
CREATE TRIGGER parcours_events_no_update BEFORE UPDATE ON parcours_events WHEN NOT (NEW.reasons = '' AND NEW.id IS OLD.id AND NEW.parcours_id IS OLD.parcours_id AND NEW.at IS OLD.at AND NEW.date IS OLD.date AND NEW.actor_user_id IS OLD.actor_user_id AND NEW.actor_role IS OLD.actor_role AND NEW.event_type IS OLD.event_type AND NEW.from_state IS OLD.from_state AND NEW.to_state IS OLD.to_state AND NEW.basis IS OLD.basis) BEGIN SELECT RAISE(ABORT, 'parcours_events is append-only'); END;
-- @postgresql
CREATE OR REPLACE FUNCTION decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'UPDATE' AND NEW.reasons_enc = '' AND (NEW.id, NEW.parcours_id, NEW.demande_id, NEW.outcome, NEW.signed_on, NEW.signed_by, NEW.period_start, NEW.period_end, NEW.departs_from_avis, NEW.corrects_id, NEW.appeal_id, NEW.created_at) IS NOT DISTINCT FROM (OLD.id, OLD.parcours_id, OLD.demande_id, OLD.outcome, OLD.signed_on, OLD.signed_by, OLD.period_start, OLD.period_end, OLD.departs_from_avis, OLD.corrects_id, OLD.appeal_id, OLD.created_at) THEN RETURN NEW; END IF; RAISE EXCEPTION 'decisions are immutable'; END; $$;
CREATE OR REPLACE FUNCTION parcours_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'UPDATE' AND NEW.reasons = '' AND (NEW.id, NEW.parcours_id, NEW.at, NEW.date, NEW.actor_user_id, NEW.actor_role, NEW.event_type, NEW.from_state, NEW.to_state, NEW.basis) IS NOT DISTINCT FROM (OLD.id, OLD.parcours_id, OLD.at, OLD.date, OLD.actor_user_id, OLD.actor_role, OLD.event_type, OLD.from_state, OLD.to_state, OLD.basis) THEN RETURN NEW; END IF; RAISE EXCEPTION 'parcours_events is append-only'; END; $$;
