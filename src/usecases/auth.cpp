#include "usecases/auth.hpp"

#include <chrono>

#include "domain/account_rules.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::usecases {

namespace {

using domain::ErrorCode;
using domain::Fail;
using domain::FormatInstant;

constexpr auto kTouchEvery = std::chrono::seconds{60};

domain::Error InvalidCredentials() {
    return Fail(ErrorCode::kInvalidCredentials, "Adresse électronique ou mot de passe incorrect.");
}

std::string AccountKey(Crypto& crypto, const std::string& email) {
    return crypto.Digest("login-account:" + email);
}

// Records a refused login and its audit row in a transaction of their own, then returns `error`.
domain::Error RefuseLogin(Ports& ports,
                          const std::string& account_key,
                          const std::optional<UserRecord>& user,
                          const std::string& outcome,
                          bool count_as_failure,
                          domain::Error error,
                          const RequestMeta& meta,
                          domain::Instant now) {
    auto uow = ports.storage.Begin();
    if (count_as_failure) {
        uow->Accounts().RecordLoginAttempt(account_key, meta.client_address, FormatInstant(now),
                                           false);
    }
    AppendAudit(*uow, ports.crypto,
                {0, "auth.login", "user", user ? std::to_string(user->id) : "", outcome}, meta,
                now);
    uow->Commit();
    return error;
}

domain::FailureCount Counted(const LoginFailures& failures) {
    return {failures.count, domain::ParseInstant(failures.latest_at)};
}

domain::Error Throttled(std::chrono::seconds wait) {
    long long minutes = (wait.count() + 59) / 60;
    auto error = Fail(ErrorCode::kTooManyAttempts,
                      "Trop de tentatives de connexion : réessayez dans " +
                          std::to_string(minutes) + (minutes > 1 ? " minutes." : " minute."));
    error.retry_after_seconds = wait.count();
    return error;
}

bool Expired(const std::string& deadline, domain::Instant now) {
    auto parsed = domain::ParseInstant(deadline);
    return !parsed || *parsed <= now;
}

}  // namespace

domain::Result<LoginSuccess> Login(Ports& ports,
                                   const LoginInput& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    auto email = domain::NormaliseEmail(input.email);
    if (!email) return email.error();
    if (input.password.empty()) {
        return Fail(ErrorCode::kValidationFailed, "Le mot de passe est obligatoire.", "password");
    }
    const std::string key = AccountKey(ports.crypto, email.value());

    std::optional<UserRecord> user;
    {
        auto uow = ports.storage.Begin();
        auto wait = domain::LoginWait(
            Counted(uow->Accounts().AccountFailures(
                key, FormatInstant(now - std::chrono::hours{domain::kAccountFailureMemoryHours}))),
            Counted(uow->Accounts().AddressFailures(
                meta.client_address,
                FormatInstant(now - std::chrono::minutes{domain::kThrottleWindowMinutes}))),
            now);
        if (wait.count() > 0) {
            // Refused before the password is even checked: no answer depends on it.
            uow.reset();
            return RefuseLogin(ports, key, std::nullopt, "throttled", false, Throttled(wait), meta,
                               now);
        }
        user = uow->Accounts().FindUserByEmail(email.value());
    }
    // Hashing is slow: it runs outside any transaction.
    bool password_ok = false;
    if (user) {
        password_ok = ports.crypto.VerifyPassword(user->password_hash, input.password);
    } else {
        ports.crypto.VerifyDummyPassword(input.password);
    }
    if (!user || !password_ok || user->disabled_at) {
        return RefuseLogin(ports, key, user, "failure", true, InvalidCredentials(), meta, now);
    }
    std::optional<long long> totp_step;
    if (user->totp_enabled) {
        if (!input.totp || input.totp->empty()) {
            return RefuseLogin(
                ports, key, user, "totp_required", false,
                Fail(ErrorCode::kTotpRequired,
                     "Saisissez le code à 6 chiffres de votre application d'authentification.",
                     "totp"),
                meta, now);
        }
        auto secret = ports.crypto.Decrypt(user->totp_secret);
        if (secret) {
            totp_step =
                ports.crypto.MatchTotp(*secret, *input.totp, now.time_since_epoch().count());
        }
        if (!totp_step || *totp_step <= user->totp_last_step) {  // a used code never works again
            return RefuseLogin(
                ports, key, user, "totp_invalid", true,
                Fail(ErrorCode::kTotpInvalid,
                     "Le code de double authentification est incorrect ou expiré.", "totp"),
                meta, now);
        }
    }

    auto uow = ports.storage.Begin();
    auto fresh = uow->Accounts().FindUserById(user->id);
    if (!fresh || fresh->disabled_at) {
        uow.reset();
        return RefuseLogin(ports, key, user, "failure", true, InvalidCredentials(), meta, now);
    }
    if (totp_step) {
        if (!uow->Accounts().ClaimTotpStep(fresh->id, *totp_step)) {  // replayed meanwhile
            uow.reset();
            return RefuseLogin(
                ports, key, user, "totp_invalid", true,
                Fail(ErrorCode::kTotpInvalid,
                     "Le code de double authentification est incorrect ou expiré.", "totp"),
                meta, now);
        }
        fresh->totp_last_step = *totp_step;
    }
    LoginSuccess success;
    success.session_token = ports.crypto.RandomToken(32);
    SessionRecord session;
    session.user_id = fresh->id;
    session.token_hash = ports.crypto.Digest(success.session_token);
    session.csrf_token = ports.crypto.RandomToken(32);
    session.created_at = FormatInstant(now);
    session.last_seen_at = session.created_at;
    session.expires_at = FormatInstant(now + ports.settings.session_absolute);
    session.id = uow->Accounts().InsertSession(session);
    uow->Accounts().RecordLoginAttempt(key, meta.client_address, FormatInstant(now), true);
    AppendAudit(*uow, ports.crypto, {fresh->id, "auth.login", "user", std::to_string(fresh->id)},
                meta, now);
    success.principal =
        Principal{*fresh, CredentialKind::kSession, session.id, session.csrf_token, std::nullopt};
    success.principal.association_departement = AssociationDepartementOf(*uow, *fresh);
    uow->Commit();
    return success;
}

domain::Result<Principal> Authenticate(Ports& ports,
                                       const Credential& credential,
                                       domain::Instant now) {
    auto unauthenticated = Fail(ErrorCode::kUnauthenticated,
                                "Vous devez vous connecter pour accéder à cette ressource.");
    if (credential.secret.empty() || credential.secret.size() > 256) return unauthenticated;
    const std::string hash = ports.crypto.Digest(credential.secret);
    // A read: every request passes here, and only a session's once-a-minute touch writes.
    auto uow = ports.storage.BeginRead();
    std::optional<long long> touch_session;
    Principal principal;
    principal.kind = credential.kind;
    long long user_id = 0;
    if (credential.kind == CredentialKind::kSession) {
        auto session = uow->Accounts().FindSessionByTokenHash(hash);
        if (!session || session->revoked_at || Expired(session->expires_at, now)) {
            return unauthenticated;
        }
        auto last_seen = domain::ParseInstant(session->last_seen_at);
        if (!last_seen || *last_seen + ports.settings.session_idle <= now) return unauthenticated;
        if (*last_seen + kTouchEvery <= now) touch_session = session->id;
        principal.credential_id = session->id;
        principal.csrf_token = session->csrf_token;
        user_id = session->user_id;
    } else {
        auto token = uow->Accounts().FindApiTokenByHash(hash);
        if (!token || token->revoked_at || Expired(token->expires_at, now)) {
            return unauthenticated;
        }
        principal.credential_id = token->id;
        user_id = token->user_id;
    }
    auto user = uow->Accounts().FindUserById(user_id);
    if (!user || user->disabled_at) return unauthenticated;
    principal.user = *user;
    principal.association_departement = AssociationDepartementOf(*uow, *user);
    uow->Commit();
    if (touch_session) {
        try {
            auto touch = ports.storage.Begin();
            touch->Accounts().TouchSession(*touch_session, FormatInstant(now));
            touch->Commit();
        } catch (const std::exception& e) {
            // A full disk must not stop the reads: the idle clock is only not moved on.
            if (!ports.storage.MediumFailure(e)) throw;
        }
    }
    return principal;
}

domain::Status Logout(Ports& ports,
                      const Principal& who,
                      const RequestMeta& meta,
                      domain::Instant now) {
    auto uow = ports.storage.Begin();
    if (who.kind == CredentialKind::kSession) {
        uow->Accounts().RevokeSession(who.credential_id, FormatInstant(now));
    }
    AppendAudit(*uow, ports.crypto,
                {who.user.id, "auth.logout", "user", std::to_string(who.user.id)}, meta, now);
    uow->Commit();
    return domain::Ok{};
}

domain::Result<UserRecord> ChangePassword(Ports& ports,
                                          const Principal& who,
                                          const std::string& current_password,
                                          const std::string& new_password,
                                          const RequestMeta& meta,
                                          domain::Instant now) {
    if (current_password.empty()) {
        return Fail(ErrorCode::kValidationFailed, "Le mot de passe actuel est obligatoire.",
                    "current_password");
    }
    auto rules = domain::CheckNewPassword(new_password, who.user.email, "new_password");
    if (!rules) return rules.error();
    if (new_password == current_password) {
        return Fail(ErrorCode::kValidationFailed,
                    "Le nouveau mot de passe doit être différent de l'actuel.", "new_password");
    }
    if (!ports.crypto.VerifyPassword(who.user.password_hash, current_password)) {
        auto uow = ports.storage.Begin();
        AppendAudit(
            *uow, ports.crypto,
            {who.user.id, "auth.password_change", "user", std::to_string(who.user.id), "failure"},
            meta, now);
        uow->Commit();
        return Fail(ErrorCode::kValidationFailed, "Le mot de passe actuel est incorrect.",
                    "current_password");
    }
    std::string hash = ports.crypto.HashPassword(new_password);
    auto uow = ports.storage.Begin();
    auto user = uow->Accounts().FindUserById(who.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "Session expirée.");
    user->password_hash = hash;
    user->password_change_required = false;
    user->updated_at = FormatInstant(now);
    uow->Accounts().UpdateUser(*user);
    // Other sessions of this account end with the old password (ASVS V7.4.3); the current one
    // was just re-authenticated and survives. API tokens stay: the operator issues them on the
    // server (parcours token create), never through a password, so a stolen password cannot have
    // made one; they end on their own expiry, by `token revoke`, or when the account is disabled.
    long long keep = who.kind == CredentialKind::kSession ? who.credential_id : 0;
    uow->Accounts().RevokeUserSessions(user->id, keep, FormatInstant(now));
    AppendAudit(*uow, ports.crypto,
                {user->id, "auth.password_change", "user", std::to_string(user->id)}, meta, now);
    uow->Commit();
    return *user;
}

domain::Result<TotpEnrolment> BeginTotpEnrolment(Ports& ports,
                                                 const Principal& who,
                                                 const RequestMeta& meta,
                                                 domain::Instant now) {
    if (who.user.totp_enabled) {
        return Fail(ErrorCode::kConflict, "La double authentification est déjà activée.");
    }
    TotpEnrolment enrolment;
    enrolment.secret = ports.crypto.NewTotpSecret();
    enrolment.otpauth_uri = "otpauth://totp/" + ports.settings.totp_issuer + ":" + who.user.email +
                            "?secret=" + enrolment.secret +
                            "&issuer=" + ports.settings.totp_issuer +
                            "&algorithm=SHA1&digits=6&period=30";
    auto uow = ports.storage.Begin();
    auto user = uow->Accounts().FindUserById(who.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "Session expirée.");
    user->totp_secret = ports.crypto.Encrypt(enrolment.secret);
    user->updated_at = FormatInstant(now);
    uow->Accounts().UpdateUser(*user);
    AppendAudit(*uow, ports.crypto, {user->id, "auth.totp_enrol", "user", std::to_string(user->id)},
                meta, now);
    uow->Commit();
    return enrolment;
}

domain::Result<UserRecord> ConfirmTotp(Ports& ports,
                                       const Principal& who,
                                       const std::string& code,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    auto uow = ports.storage.Begin();
    auto user = uow->Accounts().FindUserById(who.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "Session expirée.");
    if (user->totp_enabled) {
        return Fail(ErrorCode::kConflict, "La double authentification est déjà activée.");
    }
    std::optional<std::string> secret;
    if (!user->totp_secret.empty()) secret = ports.crypto.Decrypt(user->totp_secret);
    if (!secret) {
        return Fail(ErrorCode::kConflict,
                    "Commencez par demander un nouveau secret de double authentification.");
    }
    auto step = ports.crypto.MatchTotp(*secret, code, now.time_since_epoch().count());
    if (!step) {
        return Fail(ErrorCode::kValidationFailed,
                    "Le code saisi ne correspond pas : vérifiez l'heure de votre téléphone et "
                    "saisissez le code affiché.",
                    "code");
    }
    user->totp_enabled = true;
    user->totp_last_step = *step;
    user->updated_at = FormatInstant(now);
    uow->Accounts().UpdateUser(*user);
    AppendAudit(*uow, ports.crypto,
                {user->id, "auth.totp_confirm", "user", std::to_string(user->id)}, meta, now);
    uow->Commit();
    return *user;
}

}  // namespace parcours::usecases
