#pragma once
// Outgoing e-mail (the optional daily alert digest). The implementation speaks SMTP (libcurl);
// Send throws std::runtime_error when the server refuses or cannot be reached.
#include <string>

namespace parcours::usecases {

struct MailMessage {
    std::string to;
    std::string subject;
    std::string body;  // plain text, UTF-8
};

class Mailer {
  public:
    virtual ~Mailer() = default;
    virtual void Send(const MailMessage& message) = 0;
};

}  // namespace parcours::usecases
