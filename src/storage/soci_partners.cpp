// PartnerRepository on SOCI: the partner network and the parcours → partner links.
#include "storage/soci_mapping.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using namespace usecases;

namespace {

const Mapping<PartnerRecord>& PartnerTable() {
    using R = PartnerRecord;
    static const auto m = Mapping<R>("partners", &R::id)
                              .Col("name", &R::name)
                              .Col("kind", &R::kind)
                              .Col("domains", &R::domains)
                              .Col("departement_code", &R::departement)
                              .Col("departements", &R::departements)
                              .Col("street", &R::street)
                              .Col("postcode", &R::postcode)
                              .Col("city", &R::city)
                              .Col("latitude", &R::latitude)
                              .Col("longitude", &R::longitude)
                              .Col("phone", &R::phone)
                              .Col("email", &R::email)
                              .Col("opening_hours", &R::opening_hours)
                              .Col("languages", &R::languages)
                              .Col("accepts_minors", &R::accepts_minors)
                              .Col("accepts_men_trans", &R::accepts_men_trans)
                              .Col("notes", &R::notes)
                              .Col("is_public", &R::is_public)
                              .Col("last_verified_on", &R::last_verified_on)
                              .Col("last_verified_by", &R::last_verified_by)
                              .Col("archived_on", &R::archived_on)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

}  // namespace

long long SociUnitOfWork::InsertPartner(const PartnerRecord& p) {
    return PartnerTable().Insert(sql(), p);
}

void SociUnitOfWork::UpdatePartner(const PartnerRecord& p) {
    PartnerTable().Update(sql(), p);
}

std::optional<PartnerRecord> SociUnitOfWork::FindPartner(long long id) {
    return PartnerTable().Find(sql(), id);
}

std::vector<PartnerRecord> SociUnitOfWork::ListPartners(const PartnerFilter& f) {
    std::string where = "WHERE 1 = 1";
    std::vector<std::string> patterns;
    if (!f.covering_any.empty()) {
        where += " AND (";
        for (std::size_t i = 0; i < f.covering_any.size(); ++i) {
            where += (i ? " OR " : "") + std::string("departements LIKE :c") + std::to_string(i);
            patterns.push_back("%," + f.covering_any[i] + ",%");
        }
        where += ")";
    }
    if (f.home_departement) where += " AND departement_code = :home";
    if (!f.include_archived) where += " AND archived_on IS NULL";
    if (f.public_associations_only) where += " AND is_public = 1 AND kind = 'approved_association'";
    return PartnerTable().Query(sql(), where + " ORDER BY name, id", [&](soci::statement& st) {
        for (const auto& p : patterns) st.exchange(soci::use(p));
        if (f.home_departement) st.exchange(soci::use(*f.home_departement));
    });
}

void SociUnitOfWork::SetParcoursPartnerLinks(long long parcours_id,
                                             const std::vector<long long>& partner_ids) {
    sql() << "DELETE FROM parcours_partner_links WHERE parcours_id = :p", soci::use(parcours_id);
    for (long long partner_id : partner_ids) {
        sql() << "INSERT INTO parcours_partner_links (parcours_id, partner_id) VALUES (:p, :q)",
            soci::use(parcours_id), soci::use(partner_id);
    }
}

std::vector<long long> SociUnitOfWork::ListParcoursPartnerLinks(long long parcours_id) {
    std::vector<long long> ids;
    soci::rowset<long long> rows =
        (sql().prepare << "SELECT partner_id FROM parcours_partner_links WHERE parcours_id = :p",
         soci::use(parcours_id));
    for (long long id : rows) ids.push_back(id);
    return ids;
}

long long SociUnitOfWork::CountParcoursLinkedTo(long long partner_id) {
    long long n = 0;
    sql() << "SELECT COUNT(*) FROM parcours_partner_links WHERE partner_id = :p", soci::into(n),
        soci::use(partner_id);
    return n;
}

}  // namespace parcours::storage
