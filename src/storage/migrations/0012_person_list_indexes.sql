-- Indexes for the persons lists, which count and page through the persons of an association or a
-- département that are not archived: with the association alone in the index, counting a busy
-- association's 1,200 persons read each person's row for its archived_on (18 % of the CPU of a
-- persons list on the national dataset, bench/README.md). Both columns in the index answer the
-- count and the page from the index.
-- @all
DROP INDEX persons_association;
CREATE INDEX persons_association_live ON persons(association_id, archived_on);
CREATE INDEX persons_departement_live ON persons(departement_code, archived_on);
