#pragma once
// The partner network as stored (docs/api/partners.md). Lists of codes are ",a,b,"; coordinates
// are decimal text; dates "AAAA-MM-JJ".
#include <optional>
#include <string>
#include <vector>

namespace parcours::usecases {

struct PartnerRecord {
    long long id = 0;
    std::string name;
    std::string kind;
    std::string domains;       // ",housing,health,"
    std::string departement;   // home département: who may edit
    std::string departements;  // ",33,24,": covered, the home one included
    std::string street;
    std::string postcode;
    std::string city;
    std::optional<std::string> latitude;
    std::optional<std::string> longitude;
    std::string phone;
    std::string email;
    std::string opening_hours;
    std::string languages;  // ",fr,en,"
    bool accepts_minors = false;
    bool accepts_men_trans = false;
    std::string notes;  // for professionals only
    bool is_public = false;
    std::optional<std::string> last_verified_on;
    std::optional<long long> last_verified_by;
    std::optional<std::string> archived_on;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct PartnerFilter {
    std::vector<std::string> covering_any;  // keeps partners covering one of these départements
    std::optional<std::string> home_departement;
    bool include_archived = false;
    bool public_associations_only = false;
};

class PartnerRepository {
  public:
    virtual ~PartnerRepository() = default;
    virtual long long InsertPartner(const PartnerRecord& p) = 0;
    virtual void UpdatePartner(const PartnerRecord& p) = 0;
    virtual std::optional<PartnerRecord> FindPartner(long long id) = 0;
    // Sorted by name; the use case filters further (domain, language, text).
    virtual std::vector<PartnerRecord> ListPartners(const PartnerFilter& filter) = 0;
    // The partners linked from the latest document of a parcours (replaced at each version).
    virtual void SetParcoursPartnerLinks(long long parcours_id,
                                         const std::vector<long long>& partner_ids) = 0;
    virtual std::vector<long long> ListParcoursPartnerLinks(long long parcours_id) = 0;
    virtual long long CountParcoursLinkedTo(long long partner_id) = 0;
};

}  // namespace parcours::usecases
