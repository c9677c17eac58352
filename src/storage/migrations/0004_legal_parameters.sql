-- Legal parameters as dated data: a new decree adds a row (POST /api/v1/rules/parameters), no row
-- is ever changed. Amounts in integer cents.
-- @all
CREATE TABLE legal_parameters (
  id {{ID}},
  name TEXT NOT NULL,
  territory TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  value BIGINT NOT NULL,
  unit TEXT NOT NULL,
  source TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (name, territory, valid_from)
);
-- AFIS (CASF L121-9, R121-12-13-1): décret n° 2017-542 du 13 avril 2017, revalued by +4 % from
-- 1 July 2022 by décret n° 2022-1340 du 19 octobre 2022.
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_base', 'metropole', '2017-05-01', 33000, 'cents', 'Décret n° 2017-542 du 13 avril 2017 relatif à l''aide financière à l''insertion sociale et professionnelle, art. 1 : 330 € par mois', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_per_child', 'metropole', '2017-05-01', 10200, 'cents', 'Décret n° 2017-542 du 13 avril 2017, art. 1 : majoration de 102 € par enfant à charge', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_base', 'metropole', '2022-07-01', 34320, 'cents', 'Décret n° 2022-1340 du 19 octobre 2022 : revalorisation exceptionnelle de 4 % au 1er juillet 2022 (343,20 €)', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_per_child', 'metropole', '2022-07-01', 10608, 'cents', 'Décret n° 2022-1340 du 19 octobre 2022 : revalorisation exceptionnelle de 4 % au 1er juillet 2022 (106,08 € par enfant)', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_base', 'mayotte', '2017-05-01', 16500, 'cents', 'Décret n° 2017-542 du 13 avril 2017, barème applicable à Mayotte : 165 € par mois', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('afis_per_child', 'mayotte', '2017-05-01', 5100, 'cents', 'Décret n° 2017-542 du 13 avril 2017, barème applicable à Mayotte : majoration de 51 € par enfant à charge', 0, '2026-11-25T00:00:00Z');
-- The RSA amount for a single person: the AFIS resource ceiling (CASF R121-12-13-1), revalued
-- each 1 April (CASF L262-3).
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2017-04-01', 53678, 'cents', 'Décret n° 2017-739 du 4 mai 2017 portant revalorisation du montant forfaitaire du RSA : 536,78 € au 1er avril 2017', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2017-09-01', 54548, 'cents', 'Décret n° 2017-739 du 4 mai 2017 : revalorisation exceptionnelle au 1er septembre 2017 (545,48 €)', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2018-04-01', 55093, 'cents', 'Décret de revalorisation annuelle du montant forfaitaire du RSA au 1er avril 2018 (CASF L262-3) : 550,93 € — numéro du décret à vérifier', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2019-04-01', 55974, 'cents', 'Décret du 2 mai 2019 portant revalorisation du montant forfaitaire du RSA : 559,74 € au 1er avril 2019', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2020-04-01', 56478, 'cents', 'Décret de revalorisation annuelle du montant forfaitaire du RSA au 1er avril 2020 (CASF L262-3) : 564,78 € — numéro du décret à vérifier', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2021-04-01', 56534, 'cents', 'Décret n° 2021-530 du 29 avril 2021 portant revalorisation du montant forfaitaire du RSA : 565,34 €', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2022-04-01', 57552, 'cents', 'Décret de revalorisation annuelle du montant forfaitaire du RSA au 1er avril 2022 (CASF L262-3) : 575,52 € — numéro du décret à vérifier', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2022-07-01', 59854, 'cents', 'Loi n° 2022-1158 du 16 août 2022 portant mesures d''urgence pour la protection du pouvoir d''achat, art. 9 : +4 % au 1er juillet 2022 (598,54 €)', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2023-04-01', 60775, 'cents', 'Décret n° 2023-340 du 4 mai 2023 portant revalorisation du montant forfaitaire du RSA : 607,75 €', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2024-04-01', 63571, 'cents', 'Décret de revalorisation annuelle du montant forfaitaire du RSA au 1er avril 2024 (+4,6 %, CASF L262-3) : 635,71 € — numéro du décret à vérifier', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'metropole', '2025-04-01', 64652, 'cents', 'Décret n° 2025-293 du 29 mars 2025 portant revalorisation du montant forfaitaire du RSA : 646,52 €', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'mayotte', '2017-04-01', 26839, 'cents', 'Décret du 4 mai 2017 pour Mayotte : 268,39 € au 1er avril 2017', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'mayotte', '2017-09-01', 27274, 'cents', 'Décret du 4 mai 2017 pour Mayotte : 272,74 € au 1er septembre 2017', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('rsa_single', 'mayotte', '2019-04-01', 27987, 'cents', 'Décret du 2 mai 2019 pour Mayotte : 279,87 € au 1er avril 2019', 0, '2026-11-25T00:00:00Z');
-- The PSP periods (CASF R121-12-10, décret n° 2016-1467 du 28 octobre 2016).
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('psp_period_months', 'all', '2016-10-30', 6, 'months', 'CASF R121-12-10 (décret n° 2016-1467 du 28 octobre 2016) : autorisation pour une durée de six mois', 0, '2026-11-25T00:00:00Z');
INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, created_by, created_at) VALUES ('psp_max_periods', 'all', '2016-10-30', 4, 'count', 'CASF R121-12-10 : renouvelable dans la limite d''une durée totale de vingt-quatre mois', 0, '2026-11-25T00:00:00Z');
