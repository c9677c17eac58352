#include "domain/audit.hpp"

namespace parcours::domain {

namespace {

void Field(std::string& out, const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '|';
}

}  // namespace

std::string CanonicalAuditBytes(const AuditEntry& entry) {
    // Length-prefixed fields: no value can be forged by moving a separator.
    std::string out;
    Field(out, std::to_string(entry.id));
    Field(out, entry.at);
    Field(out, std::to_string(entry.actor_user_id));
    Field(out, entry.action);
    Field(out, entry.record_type);
    Field(out, entry.record_id);
    Field(out, entry.outcome);
    Field(out, entry.request_id);
    Field(out, entry.prev_hash);
    return out;
}

}  // namespace parcours::domain
