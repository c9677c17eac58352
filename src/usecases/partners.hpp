#pragma once
// The partner network reserved to professionals, and the public directory of approved
// associations (docs/api/partners.md).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct PartnerQuery {
    std::optional<std::string> departement;
    std::optional<std::string> domain;
    std::optional<std::string> language;
    std::optional<std::string> kind;
    std::string text;
    bool review_due_only = false;
    int limit = 200;
    int offset = 0;
};

domain::Result<nlohmann::json> ListPartners(Ports& ports,
                                            const Principal& who,
                                            const PartnerQuery& query,
                                            domain::Instant now);
domain::Result<nlohmann::json> GetPartner(Ports& ports,
                                          const Principal& who,
                                          long long id,
                                          domain::Instant now);
domain::Result<nlohmann::json> CreatePartner(Ports& ports,
                                             const Principal& who,
                                             const nlohmann::json& input,
                                             const RequestMeta& meta,
                                             domain::Instant now);
domain::Result<nlohmann::json> UpdatePartner(Ports& ports,
                                             const Principal& who,
                                             long long id,
                                             const nlohmann::json& input,
                                             const RequestMeta& meta,
                                             domain::Instant now);
domain::Result<nlohmann::json> VerifyPartner(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);
domain::Result<domain::Ok> ArchivePartner(
    Ports& ports, const Principal& who, long long id, const RequestMeta& meta, domain::Instant now);

// The partners the caller may edit, as CSV (UTF-8 with BOM, ';'), and its import: every line is
// checked first; one wrong line and nothing is written (422 listing every faulty line).
domain::Result<std::string> ExportPartnersCsv(Ports& ports,
                                              const Principal& who,
                                              const std::optional<std::string>& departement,
                                              domain::Instant now);
domain::Result<nlohmann::json> ImportPartnersCsv(Ports& ports,
                                                 const Principal& who,
                                                 bool is_csv,  // sent as text/csv
                                                 const std::string& csv,
                                                 const RequestMeta& meta,
                                                 domain::Instant now);

// No login: the approved associations marked public (name, city, phone, languages, département).
domain::Result<nlohmann::json> PublicAssociations(Ports& ports,
                                                  const std::optional<std::string>& departement);

}  // namespace parcours::usecases
