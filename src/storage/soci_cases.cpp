// CaseRepository on SOCI, part 1: associations, persons, referrals, criteria grids, assessments.
#include "storage/soci_helpers.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using namespace usecases;

namespace {

struct AssociationRow {
    AssociationRecord r;
    Nullable<std::string> siret, rna, declaration_date;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.name));
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(siret.value, siret.ind));
        st.exchange(soci::into(rna.value, rna.ind));
        st.exchange(soci::into(declaration_date.value, declaration_date.ind));
        st.exchange(soci::into(r.created_at));
    }
    AssociationRecord Get() const {
        AssociationRecord out = r;
        out.siret = siret.get();
        out.rna = rna.get();
        out.declaration_date = declaration_date.get();
        return out;
    }
};
constexpr const char* kAssociationColumns =
    "SELECT id, name, departement_code, siret, rna, declaration_date, created_at FROM "
    "associations ";

struct PersonRow {
    PersonRecord r;
    Nullable<std::string> archived_on, anonymised_on;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.association_id));
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(r.pseudonym));
        st.exchange(soci::into(r.identity_enc));
        st.exchange(soci::into(r.protected_enc));
        st.exchange(soci::into(r.duplicate_key));
        st.exchange(soci::into(r.sex_or_gender));
        st.exchange(soci::into(r.contact_channel));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
        st.exchange(soci::into(r.updated_at));
        st.exchange(soci::into(archived_on.value, archived_on.ind));
        st.exchange(soci::into(anonymised_on.value, anonymised_on.ind));
    }
    PersonRecord Get() const {
        PersonRecord out = r;
        out.archived_on = archived_on.get();
        out.anonymised_on = anonymised_on.get();
        return out;
    }
};
constexpr const char* kPersonColumns =
    "SELECT id, association_id, departement_code, pseudonym, identity_enc, protected_enc, "
    "duplicate_key, sex_or_gender, contact_channel, created_by, created_at, updated_at, "
    "archived_on, anonymised_on FROM persons ";

struct ReferralRow {
    ReferralRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.person_id));
        st.exchange(soci::into(r.date));
        st.exchange(soci::into(r.source));
        st.exchange(soci::into(r.notes_enc));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
    }
    ReferralRecord Get() const { return r; }
};

struct GridRow {
    GridRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(r.version));
        st.exchange(soci::into(r.valid_from));
        st.exchange(soci::into(r.criteria_json));
        st.exchange(soci::into(r.created_at));
    }
    GridRecord Get() const { return r; }
};
constexpr const char* kGridColumns =
    "SELECT departement_code, version, valid_from, criteria_json, created_at FROM criteria_grids ";

struct AssessmentRow {
    AssessmentRecord r;
    Nullable<std::string> reason;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.person_id));
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(r.date));
        st.exchange(soci::into(r.grid_version));
        st.exchange(soci::into(r.answers_enc));
        st.exchange(soci::into(r.outcome));
        st.exchange(soci::into(reason.value, reason.ind));
        st.exchange(soci::into(r.author_role));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
    }
    AssessmentRecord Get() const {
        AssessmentRecord out = r;
        out.reason_code = reason.get();
        return out;
    }
};

std::string PersonWhere(const PersonFilter& f) {
    std::string where = f.archived ? "WHERE archived_on IS NOT NULL AND anonymised_on IS NULL"
                                   : "WHERE archived_on IS NULL";
    if (f.association_id) where += " AND association_id = :association";
    if (f.departement) where += " AND departement_code = :departement";
    if (!f.pseudonym_prefix.empty()) where += " AND pseudonym LIKE :prefix";
    return where;
}

}  // namespace

long long SociUnitOfWork::InsertAssociation(const AssociationRecord& a) {
    Nullable<std::string> siret(a.siret), rna(a.rna), declared(a.declaration_date);
    return InsertReturningId(
        "INSERT INTO associations (name, departement_code, siret, rna, declaration_date, "
        "created_at) VALUES (:name, :dep, :siret, :rna, :declared, :created)",
        [&](soci::statement& st) {
            st.exchange(soci::use(a.name));
            st.exchange(soci::use(a.departement));
            st.exchange(soci::use(siret.value, siret.ind));
            st.exchange(soci::use(rna.value, rna.ind));
            st.exchange(soci::use(declared.value, declared.ind));
            st.exchange(soci::use(a.created_at));
        });
}

std::optional<AssociationRecord> SociUnitOfWork::FindAssociation(long long id) {
    return First(
        QueryRows<AssociationRow>(sql(), std::string(kAssociationColumns) + "WHERE id = :id",
                                  [&](soci::statement& st) { st.exchange(soci::use(id)); }));
}

std::vector<AssociationRecord> SociUnitOfWork::ListAssociations(std::optional<long long> only_id) {
    std::string query = kAssociationColumns;
    if (only_id) query += "WHERE id = :id ";
    return QueryRows<AssociationRow>(sql(), query + "ORDER BY name, id", [&](soci::statement& st) {
        if (only_id) st.exchange(soci::use(*only_id));
    });
}

long long SociUnitOfWork::InsertPerson(const PersonRecord& p) {
    return InsertReturningId(
        "INSERT INTO persons (association_id, departement_code, pseudonym, identity_enc, "
        "protected_enc, duplicate_key, sex_or_gender, contact_channel, created_by, created_at, "
        "updated_at) VALUES (:a, :d, :p, :i, :pr, :k, :s, :c, :by, :ca, :ua)",
        [&](soci::statement& st) {
            st.exchange(soci::use(p.association_id));
            st.exchange(soci::use(p.departement));
            st.exchange(soci::use(p.pseudonym));
            st.exchange(soci::use(p.identity_enc));
            st.exchange(soci::use(p.protected_enc));
            st.exchange(soci::use(p.duplicate_key));
            st.exchange(soci::use(p.sex_or_gender));
            st.exchange(soci::use(p.contact_channel));
            st.exchange(soci::use(p.created_by));
            st.exchange(soci::use(p.created_at));
            st.exchange(soci::use(p.updated_at));
        });
}

std::optional<PersonRecord> SociUnitOfWork::FindPerson(long long id) {
    return First(QueryRows<PersonRow>(sql(), std::string(kPersonColumns) + "WHERE id = :id",
                                      [&](soci::statement& st) { st.exchange(soci::use(id)); }));
}

void SociUnitOfWork::UpdatePerson(const PersonRecord& p) {
    sql() << "UPDATE persons SET identity_enc = :i, protected_enc = :pr, duplicate_key = :k, "
             "sex_or_gender = :s, contact_channel = :c, updated_at = :u WHERE id = :id",
        soci::use(p.identity_enc), soci::use(p.protected_enc), soci::use(p.duplicate_key),
        soci::use(p.sex_or_gender), soci::use(p.contact_channel), soci::use(p.updated_at),
        soci::use(p.id);
}

std::vector<PersonRecord> SociUnitOfWork::ListPersons(const PersonFilter& f) {
    std::string prefix = f.pseudonym_prefix + "%";
    return QueryRows<PersonRow>(
        sql(), kPersonColumns + PersonWhere(f) + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
        [&](soci::statement& st) {
            if (f.association_id) st.exchange(soci::use(*f.association_id));
            if (f.departement) st.exchange(soci::use(*f.departement));
            if (!f.pseudonym_prefix.empty()) st.exchange(soci::use(prefix));
            st.exchange(soci::use(f.limit));
            st.exchange(soci::use(f.offset));
        });
}

long long SociUnitOfWork::CountPersons(const PersonFilter& f) {
    struct CountRow {
        long long n = 0;
        void Define(soci::statement& st) { st.exchange(soci::into(n)); }
        long long Get() const { return n; }
    };
    std::string prefix = f.pseudonym_prefix + "%";
    auto rows = QueryRows<CountRow>(sql(), "SELECT COUNT(*) FROM persons " + PersonWhere(f),
                                    [&](soci::statement& st) {
                                        if (f.association_id)
                                            st.exchange(soci::use(*f.association_id));
                                        if (f.departement) st.exchange(soci::use(*f.departement));
                                        if (!f.pseudonym_prefix.empty())
                                            st.exchange(soci::use(prefix));
                                    });
    return rows.empty() ? 0 : rows.front();
}

std::vector<PersonRecord> SociUnitOfWork::FindPersonsByDuplicateKey(const std::string& key) {
    return QueryRows<PersonRow>(sql(), std::string(kPersonColumns) + "WHERE duplicate_key = :k",
                                [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

long long SociUnitOfWork::InsertReferral(const ReferralRecord& r) {
    return InsertReturningId(
        "INSERT INTO referrals (person_id, date, source, notes_enc, created_by, created_at) "
        "VALUES (:p, :d, :s, :n, :by, :at)",
        [&](soci::statement& st) {
            st.exchange(soci::use(r.person_id));
            st.exchange(soci::use(r.date));
            st.exchange(soci::use(r.source));
            st.exchange(soci::use(r.notes_enc));
            st.exchange(soci::use(r.created_by));
            st.exchange(soci::use(r.created_at));
        });
}

std::vector<ReferralRecord> SociUnitOfWork::ListReferrals(long long person_id) {
    return QueryRows<ReferralRow>(
        sql(),
        "SELECT id, person_id, date, source, notes_enc, created_by, created_at FROM referrals "
        "WHERE person_id = :p ORDER BY date DESC, id DESC",
        [&](soci::statement& st) { st.exchange(soci::use(person_id)); });
}

std::optional<GridRecord> SociUnitOfWork::FindGridInForce(const std::string& departement,
                                                          const std::string& date) {
    return First(QueryRows<GridRow>(
        sql(),
        std::string(kGridColumns) +
            "WHERE departement_code = :d AND valid_from <= :date ORDER BY version DESC LIMIT 1",
        [&](soci::statement& st) {
            st.exchange(soci::use(departement));
            st.exchange(soci::use(date));
        }));
}

std::optional<GridRecord> SociUnitOfWork::FindGridVersion(const std::string& departement,
                                                          int version) {
    return First(QueryRows<GridRow>(
        sql(), std::string(kGridColumns) + "WHERE departement_code = :d AND version = :v",
        [&](soci::statement& st) {
            st.exchange(soci::use(departement));
            st.exchange(soci::use(version));
        }));
}

int SociUnitOfWork::MaxGridVersion(const std::string& departement) {
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql() << "SELECT MAX(version) FROM criteria_grids WHERE departement_code = :d",
        soci::use(departement), soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void SociUnitOfWork::InsertGrid(const GridRecord& g, long long created_by) {
    sql() << "INSERT INTO criteria_grids (departement_code, version, valid_from, criteria_json, "
             "created_by, created_at) VALUES (:d, :v, :f, :c, :by, :at)",
        soci::use(g.departement), soci::use(g.version), soci::use(g.valid_from),
        soci::use(g.criteria_json), soci::use(created_by), soci::use(g.created_at);
}

long long SociUnitOfWork::InsertAssessment(const AssessmentRecord& a) {
    Nullable<std::string> reason(a.reason_code);
    return InsertReturningId(
        "INSERT INTO assessments (person_id, departement_code, date, grid_version, answers_enc, "
        "outcome, reason_code, author_role, created_by, created_at) VALUES (:p, :d, :date, :v, "
        ":a, :o, :r, :role, :by, :at)",
        [&](soci::statement& st) {
            st.exchange(soci::use(a.person_id));
            st.exchange(soci::use(a.departement));
            st.exchange(soci::use(a.date));
            st.exchange(soci::use(a.grid_version));
            st.exchange(soci::use(a.answers_enc));
            st.exchange(soci::use(a.outcome));
            st.exchange(soci::use(reason.value, reason.ind));
            st.exchange(soci::use(a.author_role));
            st.exchange(soci::use(a.created_by));
            st.exchange(soci::use(a.created_at));
        });
}

std::vector<AssessmentRecord> SociUnitOfWork::ListAssessments(long long person_id) {
    return QueryRows<AssessmentRow>(
        sql(),
        "SELECT id, person_id, departement_code, date, grid_version, answers_enc, outcome, "
        "reason_code, author_role, created_by, created_at FROM assessments WHERE person_id = :p "
        "ORDER BY date DESC, id DESC",
        [&](soci::statement& st) { st.exchange(soci::use(person_id)); });
}

}  // namespace parcours::storage
