#include "usecases/retention.hpp"

#include <algorithm>

#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Date;
using domain::RetentionAction;
using Json = nlohmann::json;

std::optional<Date> DateOfText(const std::optional<std::string>& text) {
    if (!text || text->size() < 10) return std::nullopt;
    return domain::ParseIsoDate(std::string_view(*text).substr(0, 10));
}

domain::RetentionFacts FactsOf(const RetentionPersonRow& row) {
    domain::RetentionFacts facts;
    auto later = [&](std::optional<Date> date) {
        if (date && (!facts.last_activity || *date > *facts.last_activity)) {
            facts.last_activity = date;
        }
    };
    later(DateOfText(row.created_at));
    for (const auto& date : row.activity_dates) later(DateOfText(date));
    for (const auto& p : row.parcours) {
        // Exited, or refused (the initial demande refused: no parcours was ever opened, the file
        // ends with the decision); every other state is an open parcours.
        if (p.state == "exited") {
            facts.parcours_ends.push_back(DateOfText(p.exit_date));
        } else if (p.state == "refused") {
            facts.parcours_ends.push_back(DateOfText(p.last_event_date));
        } else {
            facts.parcours_ends.push_back(std::nullopt);
        }
    }
    facts.archived_on = DateOfText(row.archived_on);
    return facts;
}

// What the statistics read of the person (usecases/statistics.cpp), and nothing else: the birth
// date coarsened to what the age bands of her counted days need, the nationality, the forms of
// victimisation (codes, no free text).
Json StatisticalFacts(Ports& ports, UnitOfWork& uow, const PersonRecord& person) {
    Json facts = Json::object();
    Json identity = Open(ports.crypto, person.identity_enc);
    std::optional<Date> from, to;
    for (const auto& parcours : uow.Cases().ListParcoursOfPerson(person.id)) {
        for (const auto& period : PeriodsOf(uow, parcours.id)) {
            if (!from || period.start < *from) from = period.start;
            if (!to || period.end > *to) to = period.end;
        }
    }
    if (identity.contains("birth_date") && identity["birth_date"].is_string()) {
        if (auto birth = domain::ParseIsoDate(identity["birth_date"].get<std::string>())) {
            if (auto kept = domain::CoarsenedBirthDate(*birth, from, to)) {
                facts["birth_date"] = domain::FormatIsoDate(*kept);
            }
        }
    }
    if (identity.contains("nationality") && identity["nationality"].is_string()) {
        facts["nationality"] = identity["nationality"];
    }
    if (!person.protected_enc.empty()) {
        Json situation = Open(ports.crypto, person.protected_enc).value("victimisation", Json());
        if (situation.is_object() && situation.contains("forms")) {
            facts["victimisation"] = {{"forms", situation["forms"]}};
        }
    }
    return facts;
}

// Keeps in an encrypted record only the keys the statistics read.
Json Only(const Json& from, std::initializer_list<const char*> keys) {
    Json out = Json::object();
    if (!from.is_object()) return out;
    for (const char* key : keys) {
        if (from.contains(key)) out[key] = from[key];
    }
    return out;
}

void Anonymise(Ports& ports, UnitOfWork& uow, const PersonRecord& person, Date today) {
    std::string statistics = Seal(ports.crypto, StatisticalFacts(ports, uow, person));
    for (auto parcours : uow.Cases().ListParcoursOfPerson(person.id)) {
        if (parcours.exit_outcome_enc && !parcours.exit_outcome_enc->empty()) {
            Json outcome = Open(ports.crypto, *parcours.exit_outcome_enc);
            outcome["notes"] = "";  // the only free text of the exit
            parcours.exit_outcome_enc = Seal(ports.crypto, outcome);
            uow.Cases().UpdateParcours(parcours);
        }
        for (auto right : uow.Cases().ListRights(parcours.id)) {
            Json content = Open(ports.crypto, right.content_enc);
            Json kept = Json::object();
            if (right.kind == "afis") {
                kept = Only(content, {"application_date"});
                if (content.contains("msa")) {
                    kept["msa"] =
                        Only(content["msa"], {"outcome", "first_payment_date", "amount_cents"});
                }
            } else if (right.kind == "aps") {
                kept = Only(content, {"status", "issue_date"});
            }
            right.content_enc = Seal(ports.crypto, kept);
            uow.Cases().UpdateRight(right);
        }
    }
    uow.Retention().EraseCaseText(person.id);
    uow.Retention().MarkAnonymised(person.id, statistics, domain::FormatIsoDate(today));
}

}  // namespace

RetentionReport RunRetention(Ports& ports, Date today, bool dry_run, domain::Instant now) {
    const domain::RetentionSettings& settings = ports.settings.retention;
    RetentionReport report;
    std::vector<RetentionPersonRow> rows;
    {
        auto uow = ports.storage.Begin();
        rows = uow->Retention().ListRetentionPersons();
    }
    report.persons_checked = static_cast<long long>(rows.size());
    for (const auto& row : rows) {
        domain::RetentionDue due = domain::RetentionDueOn(FactsOf(row), settings, today);
        if (due.action == RetentionAction::kNone) continue;
        report.items.push_back({row.id, row.pseudonym, due.action, *due.due_on});
    }
    if (dry_run) return report;
    const RequestMeta meta{"retention", ""};
    for (const auto& item : report.items) {
        auto uow = ports.storage.Begin();
        auto person = uow->Cases().FindPerson(item.person_id);
        if (!person || person->anonymised_on) continue;
        if (item.action == RetentionAction::kArchive) {
            if (person->archived_on) continue;
            uow->Retention().MarkArchived(person->id, domain::FormatIsoDate(today));
            AppendAudit(*uow, ports.crypto,
                        {0, "retention.archive", "person", std::to_string(person->id)}, meta, now);
            ++report.archived;
        } else {
            Anonymise(ports, *uow, *person, today);
            AppendAudit(*uow, ports.crypto,
                        {0, "retention.anonymise", "person", std::to_string(person->id)}, meta,
                        now);
            ++report.anonymised;
        }
        uow->Commit();
    }
    return report;
}

}  // namespace parcours::usecases
