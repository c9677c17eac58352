#include "usecases/accounts.hpp"

#include <chrono>

#include "domain/account_rules.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::usecases {

namespace {

using domain::ErrorCode;
using domain::Fail;
using domain::FormatInstant;

domain::Error NotFound() {
    return Fail(ErrorCode::kNotFound, "Ressource introuvable.");
}

// Each role carries exactly the scope attribute it needs (PRODUCT.md §2).
domain::Status CheckScope(UnitOfWork& uow, domain::Role role, const NewUser& input) {
    if (domain::NeedsAssociation(role) != input.association_id.has_value()) {
        return Fail(ErrorCode::kValidationFailed,
                    domain::NeedsAssociation(role)
                        ? "Ce rôle exige une association de rattachement."
                        : "Ce rôle ne se rattache pas à une association.",
                    "association");
    }
    if (domain::NeedsDepartement(role) != input.departement.has_value()) {
        return Fail(ErrorCode::kValidationFailed,
                    domain::NeedsDepartement(role) ? "Ce rôle exige un département."
                                                   : "Ce rôle ne se rattache pas à un département.",
                    "departement");
    }
    if (domain::NeedsRegion(role) != input.region.has_value()) {
        return Fail(ErrorCode::kValidationFailed,
                    domain::NeedsRegion(role) ? "Ce rôle exige une région."
                                              : "Ce rôle ne se rattache pas à une région.",
                    "region");
    }
    if (input.association_id && !uow.Accounts().AssociationExists(*input.association_id)) {
        return Fail(ErrorCode::kValidationFailed, "Cette association n'existe pas.", "association");
    }
    if (input.departement && !uow.Reference().FindDepartement(*input.departement)) {
        return Fail(ErrorCode::kValidationFailed,
                    "Ce code de département n'existe pas (code INSEE attendu, par ex. 33 ou 2A).",
                    "departement");
    }
    if (input.region && !uow.Reference().RegionExists(*input.region)) {
        return Fail(ErrorCode::kValidationFailed,
                    "Ce code de région n'existe pas (code INSEE attendu, par ex. 75).", "region");
    }
    return domain::Ok{};
}

domain::Error AdminExists() {
    return domain::Fail(ErrorCode::kConflict,
                        "Un compte administrateur existe déjà : utilisez « parcours user add ».");
}

domain::Result<CreatedUser> Create(Ports& ports,
                                   const NewUser& input,
                                   bool first_admin,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    auto email = domain::NormaliseEmail(input.email);
    if (!email) return email.error();
    auto role = domain::FindRole(input.role);
    if (!role) {
        return Fail(ErrorCode::kValidationFailed, "Ce rôle n'existe pas.", "role");
    }
    if (input.display_name.size() > 200) {
        return Fail(ErrorCode::kValidationFailed, "Le nom affiché ne doit pas dépasser 200 octets.",
                    "display_name");
    }
    // Every start asks for the first administrator: answer "there is one" before hashing a
    // password (250 ms of Argon2id, most of the start-up time). Checked again below, in the write.
    if (first_admin) {
        auto read = ports.storage.BeginRead();
        bool exists = read->Accounts().CountAdmins() > 0;
        read->Commit();
        if (exists) return AdminExists();
    }
    CreatedUser created;
    std::string password;
    if (input.password) {
        auto rules = domain::CheckNewPassword(*input.password, email.value(), "password");
        if (!rules) return rules.error();
        password = *input.password;
    } else {
        password = ports.crypto.RandomToken(18);  // 144 bits, 24 characters
        created.one_time_password = password;
    }
    std::string hash = ports.crypto.HashPassword(password);

    auto uow = ports.storage.Begin();
    if (first_admin && uow->Accounts().CountAdmins() > 0) return AdminExists();
    auto scope = CheckScope(*uow, *role, input);
    if (!scope) return scope.error();
    if (uow->Accounts().FindUserByEmail(email.value())) {
        return Fail(ErrorCode::kConflict, "Un compte existe déjà avec cette adresse électronique.",
                    "email");
    }
    UserRecord& user = created.user;
    user.email = email.value();
    user.display_name = input.display_name.empty() ? email.value() : input.display_name;
    user.role = *role;
    user.association_id = input.association_id;
    user.departement = input.departement;
    user.region = input.region;
    user.password_hash = hash;
    user.password_change_required = created.one_time_password.has_value();
    user.created_at = FormatInstant(now);
    user.updated_at = user.created_at;
    user.id = uow->Accounts().InsertUser(user);
    AppendAudit(*uow, ports.crypto, {0, "user.create", "user", std::to_string(user.id)}, meta, now);
    uow->Commit();
    return created;
}

}  // namespace

domain::Result<CreatedUser> InitAdmin(Ports& ports,
                                      const std::string& email,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    NewUser input;
    input.email = email;
    input.role = "admin";
    input.display_name = "Administrateur·rice";
    return Create(ports, input, true, meta, now);
}

domain::Result<CreatedUser> AddUser(Ports& ports,
                                    const NewUser& input,
                                    const RequestMeta& meta,
                                    domain::Instant now) {
    return Create(ports, input, false, meta, now);
}

domain::Result<UserRecord> DisableUser(Ports& ports,
                                       const std::optional<Principal>& who,
                                       long long user_id,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    auto uow = ports.storage.Begin();
    auto user = uow->Accounts().FindUserById(user_id);
    if (!user) return NotFound();
    if (who &&
        !domain::IsAllowed(who->Subject(), domain::Action::kDisableUser, TargetOfUser(*user))) {
        return NotFound();
    }
    if (who && who->user.id == user->id) {
        return Fail(ErrorCode::kConflict, "Vous ne pouvez pas désactiver votre propre compte.");
    }
    if (!user->disabled_at) {
        user->disabled_at = FormatInstant(now);
        user->updated_at = *user->disabled_at;
        uow->Accounts().UpdateUser(*user);
    }
    uow->Accounts().RevokeUserSessions(user->id, 0, FormatInstant(now));
    uow->Accounts().RevokeUserApiTokens(user->id, FormatInstant(now));
    AppendAudit(*uow, ports.crypto,
                {who ? who->user.id : 0, "user.disable", "user", std::to_string(user->id)}, meta,
                now);
    uow->Commit();
    return *user;
}

domain::Result<UserRecord> FindUserByEmailForCli(Ports& ports, const std::string& email) {
    auto normalised = domain::NormaliseEmail(email);
    if (!normalised) return normalised.error();
    auto uow = ports.storage.BeginRead();
    auto user = uow->Accounts().FindUserByEmail(normalised.value());
    if (!user) return Fail(ErrorCode::kNotFound, "Aucun compte avec cette adresse.", "email");
    return *user;
}

domain::Result<Principal> PrincipalForCli(Ports& ports, const std::string& email) {
    auto user = FindUserByEmailForCli(ports, email);
    if (!user) return user.error();
    if (user.value().disabled_at)
        return Fail(ErrorCode::kValidationFailed, "Compte désactivé.", "email");
    Principal who;
    who.user = user.value();
    who.kind = CredentialKind::kSystem;
    who.association_departement = AssociationDepartementOf(*ports.storage.BeginRead(), who.user);
    return who;
}

domain::Result<std::vector<UserRecord>> ListUsers(Ports& ports,
                                                  const std::optional<Principal>& who,
                                                  int limit,
                                                  int offset,
                                                  const RequestMeta& meta,
                                                  domain::Instant now) {
    UserFilter filter;
    filter.limit = limit;
    filter.offset = offset;
    if (who) {
        auto scope = domain::WidestScope(who->user.role, domain::Action::kListUsers);
        if (!scope) return NotFound();
        switch (*scope) {
            case domain::Scope::kInstance:
                break;
            case domain::Scope::kOwnRegion:
                filter.region = who->user.region;
                break;
            case domain::Scope::kOwnDepartement:
                filter.departement = who->user.departement;
                break;
            case domain::Scope::kOwnAssociation:
                filter.association_id = who->user.association_id;
                break;
            case domain::Scope::kSelf:
                filter.user_id = who->user.id;
                break;
        }
    }
    auto uow = ports.storage.BeginRead();
    auto users = uow->Accounts().ListUsers(filter);
    AppendAudit(*uow, ports.crypto, {who ? who->user.id : 0, "user.list", "user", ""}, meta, now);
    uow->Commit();
    return users;
}

domain::Result<UserRecord> GetUser(Ports& ports,
                                   const Principal& who,
                                   long long user_id,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    auto uow = ports.storage.BeginRead();
    auto user = uow->Accounts().FindUserById(user_id);
    bool allowed =
        user && domain::IsAllowed(who.Subject(), domain::Action::kReadUser, TargetOfUser(*user));
    AppendAudit(
        *uow, ports.crypto,
        {who.user.id, "user.read", "user", std::to_string(user_id), allowed ? "success" : "denied"},
        meta, now);
    uow->Commit();
    // Another scope's account answers exactly like a missing one: ids reveal nothing.
    if (!allowed) return NotFound();
    return *user;
}

domain::Result<CreatedToken> CreateApiToken(Ports& ports,
                                            const std::string& email,
                                            int days,
                                            const std::string& label,
                                            const RequestMeta& meta,
                                            domain::Instant now) {
    if (days < 1 || days > 366) {
        return Fail(ErrorCode::kValidationFailed,
                    "La durée de validité doit être comprise entre 1 et 366 jours.", "days");
    }
    auto user = FindUserByEmailForCli(ports, email);
    if (!user) return user.error();
    if (user.value().disabled_at) {
        return Fail(ErrorCode::kConflict, "Ce compte est désactivé.", "email");
    }
    CreatedToken created;
    created.token = "pct_" + ports.crypto.RandomToken(32);
    ApiTokenRecord& record = created.record;
    record.user_id = user.value().id;
    record.token_hash = ports.crypto.Digest(created.token);
    record.label = label;
    record.created_at = FormatInstant(now);
    record.expires_at = FormatInstant(now + std::chrono::days{days});
    auto uow = ports.storage.Begin();
    record.id = uow->Accounts().InsertApiToken(record);
    AppendAudit(*uow, ports.crypto, {0, "token.create", "api_token", std::to_string(record.id)},
                meta, now);
    uow->Commit();
    return created;
}

domain::Result<std::vector<ApiTokenRecord>> ListApiTokens(Ports& ports, const std::string& email) {
    auto user = FindUserByEmailForCli(ports, email);
    if (!user) return user.error();
    auto uow = ports.storage.BeginRead();
    return uow->Accounts().ListApiTokens(user.value().id);
}

domain::Status RevokeApiToken(Ports& ports,
                              long long token_id,
                              const RequestMeta& meta,
                              domain::Instant now) {
    auto uow = ports.storage.Begin();
    auto token = uow->Accounts().FindApiTokenById(token_id);
    if (!token) return Fail(ErrorCode::kNotFound, "Aucun jeton avec cet identifiant.", "id");
    uow->Accounts().RevokeApiToken(token_id, FormatInstant(now));
    AppendAudit(*uow, ports.crypto, {0, "token.revoke", "api_token", std::to_string(token_id)},
                meta, now);
    uow->Commit();
    return domain::Ok{};
}

}  // namespace parcours::usecases
