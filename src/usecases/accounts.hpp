#pragma once
// Staff accounts and API tokens: created by the CLI (system) or, for reads, through the API.
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct NewUser {
    std::string email;
    std::string role;
    std::string display_name;
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::optional<std::string> region;
    std::optional<std::string> password;  // none: a one-time password is generated
};

struct CreatedUser {
    UserRecord user;
    std::optional<std::string> one_time_password;
};

// The first administrator of an instance, with a one-time password to change at first login.
domain::Result<CreatedUser> InitAdmin(Ports& ports,
                                      const std::string& email,
                                      const RequestMeta& meta,
                                      domain::Instant now);

domain::Result<CreatedUser> AddUser(Ports& ports,
                                    const NewUser& input,
                                    const RequestMeta& meta,
                                    domain::Instant now);

// Disables the account and ends its sessions and tokens. `who` is empty for the CLI.
domain::Result<UserRecord> DisableUser(Ports& ports,
                                       const std::optional<Principal>& who,
                                       long long user_id,
                                       const RequestMeta& meta,
                                       domain::Instant now);

domain::Result<UserRecord> FindUserByEmailForCli(Ports& ports, const std::string& email);
// The account a command acts as (`parcours import … --as EMAIL`): active, with its association's
// département, as authentication would fill it.
domain::Result<Principal> PrincipalForCli(Ports& ports, const std::string& email);

// `who` empty: the CLI, every account.
domain::Result<std::vector<UserRecord>> ListUsers(Ports& ports,
                                                  const std::optional<Principal>& who,
                                                  int limit,
                                                  int offset,
                                                  const RequestMeta& meta,
                                                  domain::Instant now);

domain::Result<UserRecord> GetUser(Ports& ports,
                                   const Principal& who,
                                   long long user_id,
                                   const RequestMeta& meta,
                                   domain::Instant now);

struct CreatedToken {
    ApiTokenRecord record;
    std::string token;  // shown once
};

domain::Result<CreatedToken> CreateApiToken(Ports& ports,
                                            const std::string& email,
                                            int days,
                                            const std::string& label,
                                            const RequestMeta& meta,
                                            domain::Instant now);

domain::Result<std::vector<ApiTokenRecord>> ListApiTokens(Ports& ports, const std::string& email);

domain::Status RevokeApiToken(Ports& ports,
                              long long token_id,
                              const RequestMeta& meta,
                              domain::Instant now);

}  // namespace parcours::usecases
