-- The alerts already sent to each user by the e-mail digest, so that a digest lists only new ones.
-- @all
CREATE TABLE alert_digest_sent (
  user_id BIGINT NOT NULL REFERENCES users(id),
  alert_key TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  PRIMARY KEY (user_id, alert_key)
);
