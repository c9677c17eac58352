#pragma once
// The daily e-mail digest of new alerts (issue "rights and deadlines"): one message per user
// with alerts not sent before, by pseudonym only; run by `parcours digest` (cron or systemd
// timer) when an SMTP server is configured.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"
#include "usecases/mail.hpp"

namespace parcours::usecases {

struct DigestSettings {
    std::string app_url;  // e.g. "https://parcours.example.gouv.fr", for the link in the message
};

// → {"users_notified": n, "alerts_sent": n, "failures": n}. A user whose message fails is
// retried on the next run (nothing is marked sent for them).
domain::Result<nlohmann::json> SendAlertDigests(Ports& ports,
                                                Mailer& mailer,
                                                const DigestSettings& settings,
                                                domain::Date on,
                                                domain::Instant now);

}  // namespace parcours::usecases
