#pragma once
// Authentication: login with throttling and TOTP, sessions and API tokens, first-login setup.
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct LoginInput {
    std::string email;
    std::string password;
    std::optional<std::string> totp;
};

struct LoginSuccess {
    Principal principal;
    std::string session_token;  // goes into the cookie only
};

struct Credential {
    CredentialKind kind = CredentialKind::kSession;
    std::string secret;
};

struct TotpEnrolment {
    std::string secret;
    std::string otpauth_uri;
};

domain::Result<LoginSuccess> Login(Ports& ports,
                                   const LoginInput& input,
                                   const RequestMeta& meta,
                                   domain::Instant now);

domain::Result<Principal> Authenticate(Ports& ports,
                                       const Credential& credential,
                                       domain::Instant now);

domain::Status Logout(Ports& ports,
                      const Principal& who,
                      const RequestMeta& meta,
                      domain::Instant now);

domain::Result<UserRecord> ChangePassword(Ports& ports,
                                          const Principal& who,
                                          const std::string& current_password,
                                          const std::string& new_password,
                                          const RequestMeta& meta,
                                          domain::Instant now);

domain::Result<TotpEnrolment> BeginTotpEnrolment(Ports& ports,
                                                 const Principal& who,
                                                 const RequestMeta& meta,
                                                 domain::Instant now);

domain::Result<UserRecord> ConfirmTotp(Ports& ports,
                                       const Principal& who,
                                       const std::string& code,
                                       const RequestMeta& meta,
                                       domain::Instant now);

}  // namespace parcours::usecases
