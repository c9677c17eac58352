#pragma once
// Shared by the case use cases: scoped loading (404 outside the scope), encrypted JSON blobs,
// input checks that stop the use case with a field error, and the parcours event row.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_rules.hpp"
#include "domain/parcours.hpp"
#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

// Thrown by the input checks below; Guard() turns it into the use case's error value.
struct Invalid {
    domain::Error error;
};

template <class F>
auto Guard(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const Invalid& e) {
        return e.error;
    }
}

[[noreturn]] void Reject(const std::string& field, const std::string& message);
[[noreturn]] void NotFoundError();

// Checks on JSON input (the http layer has already refused unknown top-level fields).
std::string TextField(const nlohmann::json& in,
                      const std::string& key,
                      const std::string& field,
                      bool required,
                      std::size_t max_bytes);
domain::Date DateField(const nlohmann::json& in,
                       const std::string& key,
                       const std::string& field,
                       bool required,
                       std::optional<domain::Date> not_after = std::nullopt);
std::optional<domain::Date> OptionalDateField(const nlohmann::json& in,
                                              const std::string& key,
                                              const std::string& field);
std::string CodeField(const nlohmann::json& in,
                      const std::string& key,
                      const std::string& field,
                      const std::vector<domain::Code>& codes,
                      bool required);
bool BoolField(const nlohmann::json& in, const std::string& key, const std::string& field);
const nlohmann::json& ArrayField(const nlohmann::json& in,
                                 const std::string& key,
                                 const std::string& field,
                                 std::size_t max_items);

domain::Date TodayOf(domain::Instant now);

domain::Target TargetOfPerson(const PersonRecord& person);
domain::Target TargetOfParcours(const ParcoursRecord& parcours);

// The record when it exists and `action` is allowed on it; otherwise a 404 (Invalid).
PersonRecord LoadPerson(UnitOfWork& uow, const Principal& who, long long id, domain::Action action);
ParcoursRecord LoadParcours(UnitOfWork& uow,
                            const Principal& who,
                            long long id,
                            domain::Action action);
void Require(const Principal& who, domain::Action action, const domain::Target& target);

std::string Seal(Crypto& crypto, const nlohmann::json& value);
nlohmann::json Open(Crypto& crypto, const std::string& sealed);

std::vector<domain::Period> PeriodsOf(UnitOfWork& uow, long long parcours_id);
std::vector<domain::Period> PeriodsOf(const std::vector<PeriodRecord>& records);

// Appends the parcours event row (same transaction as the state change).
void AppendEvent(UnitOfWork& uow,
                 const Principal& who,
                 const ParcoursRecord& parcours,
                 const std::string& type,
                 const std::string& from,
                 const std::string& to,
                 const std::string& basis,
                 const std::string& reasons,
                 const std::string& date,
                 domain::Instant now);

// Moves the parcours to `to` and appends the event row (same transaction).
void SetState(UnitOfWork& uow,
              const Principal& who,
              ParcoursRecord& p,
              domain::ParcoursState to,
              const std::string& type,
              const std::string& basis,
              const std::string& reasons,
              const std::string& date,
              domain::Instant now);

// A follow-up of `p` from the input of POST /parcours/{id}/followups (or one line of an import,
// followup_import.cpp): checked (a field error stops the use case) and sealed, not stored.
FollowupRecord FollowupOfInput(Crypto& crypto,
                               const nlohmann::json& input,
                               const Principal& who,
                               const ParcoursRecord& p,
                               domain::Instant now);

}  // namespace parcours::usecases
