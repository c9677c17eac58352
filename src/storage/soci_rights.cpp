// CaseRepository on SOCI, part 3: rights records and the open parcours (for alerts).
#include "storage/soci_helpers.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using namespace usecases;

namespace {

struct RightRow {
    RightRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.parcours_id));
        st.exchange(soci::into(r.kind));
        st.exchange(soci::into(r.content_enc));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
        st.exchange(soci::into(r.updated_at));
    }
    RightRecord Get() const { return r; }
};
constexpr const char* kRightColumns =
    "SELECT id, parcours_id, kind, content_enc, created_by, created_at, updated_at "
    "FROM rights_records ";

struct OpenParcoursRow {
    ParcoursRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.person_id));
        st.exchange(soci::into(r.association_id));
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(r.state));
        st.exchange(soci::into(r.created_at));
        st.exchange(soci::into(r.updated_at));
    }
    ParcoursRecord Get() const { return r; }
};

}  // namespace

long long SociUnitOfWork::InsertRight(const RightRecord& r) {
    return InsertReturningId(
        "INSERT INTO rights_records (parcours_id, kind, content_enc, created_by, created_at, "
        "updated_at) VALUES (:p, :k, :c, :by, :ca, :ua)",
        [&](soci::statement& st) {
            st.exchange(soci::use(r.parcours_id));
            st.exchange(soci::use(r.kind));
            st.exchange(soci::use(r.content_enc));
            st.exchange(soci::use(r.created_by));
            st.exchange(soci::use(r.created_at));
            st.exchange(soci::use(r.updated_at));
        });
}

void SociUnitOfWork::UpdateRight(const RightRecord& r) {
    sql() << "UPDATE rights_records SET content_enc = :c, updated_at = :u WHERE id = :id",
        soci::use(r.content_enc), soci::use(r.updated_at), soci::use(r.id);
}

std::optional<RightRecord> SociUnitOfWork::FindRight(long long id) {
    return First(QueryRows<RightRow>(sql(), std::string(kRightColumns) + "WHERE id = :id",
                                     [&](soci::statement& st) { st.exchange(soci::use(id)); }));
}

std::vector<RightRecord> SociUnitOfWork::ListRights(long long parcours_id) {
    return QueryRows<RightRow>(sql(),
                               std::string(kRightColumns) + "WHERE parcours_id = :p ORDER BY id",
                               [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

std::string OpenParcoursWhere(const ParcoursFilter& filter) {
    std::string where = "WHERE state NOT IN ('exited', 'refused')";
    if (filter.association_id) where += " AND association_id = :a";
    if (filter.departement) where += " AND departement_code = :d";
    return where;
}

void BindOpenParcoursFilter(soci::statement& st, const ParcoursFilter& filter) {
    if (filter.association_id) st.exchange(soci::use(*filter.association_id));
    if (filter.departement) st.exchange(soci::use(*filter.departement));
}

std::vector<ParcoursRecord> SociUnitOfWork::ListOpenParcours(const ParcoursFilter& filter) {
    return QueryRows<OpenParcoursRow>(
        sql(),
        "SELECT id, person_id, association_id, departement_code, state, created_at, updated_at "
        "FROM parcours " +
            OpenParcoursWhere(filter) + " ORDER BY id",
        [&](soci::statement& st) { BindOpenParcoursFilter(st, filter); });
}

std::vector<RightRecord> SociUnitOfWork::ListRightsOfOpenParcours(const ParcoursFilter& filter) {
    return QueryRows<RightRow>(sql(),
                               std::string(kRightColumns) +
                                   "WHERE kind IN ('afis', 'aps') AND parcours_id IN (SELECT id "
                                   "FROM parcours " +
                                   OpenParcoursWhere(filter) + ") ORDER BY id",
                               [&](soci::statement& st) { BindOpenParcoursFilter(st, filter); });
}

}  // namespace parcours::storage
