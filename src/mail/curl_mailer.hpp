#pragma once
// The Mailer port over SMTP with libcurl ([smtp] in the configuration).
#include <string>

#include "usecases/mail.hpp"

namespace parcours::mail {

struct SmtpSettings {
    std::string url;   // "smtp://host:25", "smtps://host:465"; empty: no e-mail
    std::string from;  // the sender address
    std::string username;
    std::string password;
    long timeout_seconds = 30;
};

class CurlMailer final : public usecases::Mailer {
  public:
    explicit CurlMailer(SmtpSettings settings);
    void Send(const usecases::MailMessage& message) override;

  private:
    SmtpSettings settings_;
};

// The RFC 5322 message: headers (UTF-8 subject as an RFC 2047 encoded word) and a CRLF body.
std::string FormatMessage(const std::string& from,
                          const usecases::MailMessage& message,
                          const std::string& date_header);

}  // namespace parcours::mail
