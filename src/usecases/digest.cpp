// The daily alert digest: per active user, the alerts of their scope (the same ListAlerts as the
// home page) not e-mailed before; pseudonyms only, never an identity.
#include "usecases/digest.hpp"

#include <set>
#include <stdexcept>

#include "usecases/rights_cases.hpp"

namespace parcours::usecases {

namespace {

using Json = nlohmann::json;

std::string KeyOf(const Json& alert) {
    return alert["code"].get<std::string>() + ":" + alert["record_type"].get<std::string>() + ":" +
           std::to_string(alert["record_id"].get<long long>()) + ":" +
           alert["due_date"].get<std::string>();
}

std::string FrenchDate(const std::string& iso) {
    auto date = domain::ParseIsoDate(iso);
    return date ? domain::FormatFrenchDate(*date) : iso;
}

MailMessage Compose(const UserRecord& user,
                    const std::vector<Json>& alerts,
                    const DigestSettings& settings,
                    domain::Date on) {
    MailMessage m;
    m.to = user.email;
    std::string count = std::to_string(alerts.size());
    m.subject = "Parcours — " + count +
                (alerts.size() > 1 ? " nouvelles alertes" : " nouvelle alerte") + " au " +
                domain::FormatFrenchDate(on);
    m.body = "Bonjour,\n\nVoici les nouvelles alertes de votre périmètre au " +
             domain::FormatFrenchDate(on) + " :\n\n";
    for (const auto& a : alerts) {
        m.body += "- échéance " + FrenchDate(a["due_date"].get<std::string>()) + " : " +
                  a["message"].get<std::string>() + "\n";
    }
    m.body += "\nLes personnes sont désignées par leur pseudonyme ; le détail est dans Parcours";
    m.body += settings.app_url.empty() ? ".\n" : " : " + settings.app_url + "\n";
    m.body +=
        "\nCe message est envoyé automatiquement une fois par jour, seulement s'il y a du "
        "nouveau.\n";
    return m;
}

}  // namespace

domain::Result<Json> SendAlertDigests(Ports& ports,
                                      Mailer& mailer,
                                      const DigestSettings& settings,
                                      domain::Date on,
                                      domain::Instant now) {
    std::vector<UserRecord> users;
    {
        auto uow = ports.storage.BeginRead();
        for (int offset = 0;; offset += 100) {
            UserFilter filter;
            filter.offset = offset;
            auto page = uow->Accounts().ListUsers(filter);
            for (auto& u : page) {
                if (!u.disabled_at) users.push_back(std::move(u));
            }
            if (page.size() < 100) break;
        }
    }
    int notified = 0;
    int sent = 0;
    int failures = 0;
    for (const auto& user : users) {
        Principal who;
        who.user = user;
        who.kind = CredentialKind::kSystem;
        who.association_departement = AssociationDepartementOf(*ports.storage.BeginRead(), user);
        auto listed = ListAlerts(ports, who, on);
        if (!listed) return listed.error();
        auto uow = ports.storage.Begin();
        auto known = uow->Accounts().ListSentAlertKeys(user.id);
        std::set<std::string> already(known.begin(), known.end());
        std::vector<Json> fresh;
        for (const auto& alert : listed.value()["items"]) {
            if (!already.count(KeyOf(alert))) fresh.push_back(alert);
        }
        if (fresh.empty()) continue;
        try {
            mailer.Send(Compose(user, fresh, settings, on));
        } catch (const std::runtime_error&) {
            ++failures;  // not marked: retried on the next run
            continue;
        }
        for (const auto& alert : fresh) {
            uow->Accounts().InsertSentAlertKey(user.id, KeyOf(alert), domain::FormatInstant(now));
        }
        uow->Commit();
        ++notified;
        sent += static_cast<int>(fresh.size());
    }
    return Json{{"users_notified", notified}, {"alerts_sent", sent}, {"failures", failures}};
}

}  // namespace parcours::usecases
