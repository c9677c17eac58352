// RulesRepository on SOCI: the dated legal parameters.
#include "storage/soci_helpers.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

namespace {

struct ParameterRow {
    domain::LegalParameter r;
    std::string valid_from;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.name));
        st.exchange(soci::into(r.territory));
        st.exchange(soci::into(valid_from));
        st.exchange(soci::into(r.value));
        st.exchange(soci::into(r.unit));
        st.exchange(soci::into(r.source));
    }
    domain::LegalParameter Get() const {
        domain::LegalParameter out = r;
        out.valid_from = *domain::ParseIsoDate(valid_from);
        return out;
    }
};

}  // namespace

std::vector<domain::LegalParameter> SociUnitOfWork::ListParameters() {
    return QueryRows<ParameterRow>(
        sql(),
        "SELECT name, territory, valid_from, value, unit, source FROM legal_parameters "
        "ORDER BY name, territory, valid_from",
        [](soci::statement&) {});
}

bool SociUnitOfWork::ParameterExists(const std::string& name,
                                     const std::string& territory,
                                     const std::string& valid_from) {
    long long count = 0;
    sql() << "SELECT COUNT(*) FROM legal_parameters WHERE name = :n AND territory = :t AND "
             "valid_from = :v",
        soci::use(name), soci::use(territory), soci::use(valid_from), soci::into(count);
    return count > 0;
}

void SociUnitOfWork::InsertParameter(const domain::LegalParameter& row,
                                     long long created_by,
                                     const std::string& created_at) {
    std::string valid_from = domain::FormatIsoDate(row.valid_from);
    sql() << "INSERT INTO legal_parameters (name, territory, valid_from, value, unit, source, "
             "created_by, created_at) VALUES (:n, :t, :v, :val, :u, :s, :by, :at)",
        soci::use(row.name), soci::use(row.territory), soci::use(valid_from), soci::use(row.value),
        soci::use(row.unit), soci::use(row.source), soci::use(created_by), soci::use(created_at);
}

}  // namespace parcours::storage
