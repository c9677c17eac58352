// AccountRepository on SOCI: users, sessions, API tokens, login attempts.
#include <string>

#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using usecases::ApiTokenRecord;
using usecases::SessionRecord;
using usecases::UserRecord;

namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, association_id, departement_code, region_code, "
    "password_hash, password_change_required, totp_secret, totp_enabled, totp_last_step, "
    "disabled_at, created_at, updated_at FROM users ";

struct UserRow {
    UserRecord user;
    std::string role;
    long long association_id = 0;
    std::string departement;
    std::string region;
    int password_change_required = 0;
    int totp_enabled = 0;
    std::string disabled_at;
    soci::indicator association_ind = soci::i_null;
    soci::indicator departement_ind = soci::i_null;
    soci::indicator region_ind = soci::i_null;
    soci::indicator disabled_ind = soci::i_null;

    void Define(soci::statement& st) {
        st.exchange(soci::into(user.id));
        st.exchange(soci::into(user.email));
        st.exchange(soci::into(user.display_name));
        st.exchange(soci::into(role));
        st.exchange(soci::into(association_id, association_ind));
        st.exchange(soci::into(departement, departement_ind));
        st.exchange(soci::into(region, region_ind));
        st.exchange(soci::into(user.password_hash));
        st.exchange(soci::into(password_change_required));
        st.exchange(soci::into(user.totp_secret));
        st.exchange(soci::into(totp_enabled));
        st.exchange(soci::into(user.totp_last_step));
        st.exchange(soci::into(disabled_at, disabled_ind));
        st.exchange(soci::into(user.created_at));
        st.exchange(soci::into(user.updated_at));
    }

    UserRecord Get() const {
        UserRecord out = user;
        out.role = domain::FindRole(role).value_or(domain::Role::kAssociationWorker);
        out.association_id =
            association_ind == soci::i_ok ? std::optional(association_id) : std::nullopt;
        out.departement = departement_ind == soci::i_ok ? std::optional(departement) : std::nullopt;
        out.region = region_ind == soci::i_ok ? std::optional(region) : std::nullopt;
        out.password_change_required = password_change_required != 0;
        out.totp_enabled = totp_enabled != 0;
        out.disabled_at = disabled_ind == soci::i_ok ? std::optional(disabled_at) : std::nullopt;
        return out;
    }
};

struct TokenRow {
    ApiTokenRecord token;
    std::string revoked_at;
    soci::indicator revoked_ind = soci::i_null;

    void Define(soci::statement& st) {
        st.exchange(soci::into(token.id));
        st.exchange(soci::into(token.user_id));
        st.exchange(soci::into(token.token_hash));
        st.exchange(soci::into(token.label));
        st.exchange(soci::into(token.created_at));
        st.exchange(soci::into(token.expires_at));
        st.exchange(soci::into(revoked_at, revoked_ind));
    }
    ApiTokenRecord Get() const {
        ApiTokenRecord out = token;
        out.revoked_at = revoked_ind == soci::i_ok ? std::optional(revoked_at) : std::nullopt;
        return out;
    }
};

// Binds an optional value as a nullable parameter; the storage must outlive the statement.
struct Nullable {
    std::string text;
    long long number = 0;
    soci::indicator ind = soci::i_null;
};

Nullable Of(const std::optional<std::string>& v) {
    return v ? Nullable{*v, 0, soci::i_ok} : Nullable{};
}
Nullable Of(const std::optional<long long>& v) {
    return v ? Nullable{{}, *v, soci::i_ok} : Nullable{};
}

}  // namespace

std::vector<UserRecord> SociUnitOfWork::QueryUsers(
    const std::string& where, const std::function<void(soci::statement&)>& bind) {
    UserRow row;
    soci::statement st(sql());
    st.alloc();
    st.prepare(kUserColumns + where);
    row.Define(st);
    bind(st);
    st.define_and_bind();
    std::vector<UserRecord> users;
    if (st.execute(true)) {
        do {
            users.push_back(row.Get());
        } while (st.fetch());
    }
    return users;
}

std::optional<UserRecord> SociUnitOfWork::FindUserByEmail(const std::string& email) {
    auto users = QueryUsers("WHERE email = :email",
                            [&](soci::statement& st) { st.exchange(soci::use(email)); });
    if (users.empty()) return std::nullopt;
    return users.front();
}

std::optional<UserRecord> SociUnitOfWork::FindUserById(long long id) {
    auto users =
        QueryUsers("WHERE id = :id", [&](soci::statement& st) { st.exchange(soci::use(id)); });
    if (users.empty()) return std::nullopt;
    return users.front();
}

long long SociUnitOfWork::InsertUser(const UserRecord& user) {
    std::string role(domain::RoleName(user.role));
    Nullable association = Of(user.association_id);
    Nullable departement = Of(user.departement);
    Nullable region = Of(user.region);
    int change_required = user.password_change_required ? 1 : 0;
    int totp_enabled = user.totp_enabled ? 1 : 0;
    return InsertReturningId(
        "INSERT INTO users (email, display_name, role, association_id, departement_code, "
        "region_code, password_hash, password_change_required, totp_secret, totp_enabled, "
        "totp_last_step, created_at, updated_at) VALUES (:email, :name, :role, :association, "
        ":departement, :region, :hash, :change, :secret, :totp, :step, :created, :updated)",
        [&](soci::statement& st) {
            st.exchange(soci::use(user.email));
            st.exchange(soci::use(user.display_name));
            st.exchange(soci::use(role));
            st.exchange(soci::use(association.number, association.ind));
            st.exchange(soci::use(departement.text, departement.ind));
            st.exchange(soci::use(region.text, region.ind));
            st.exchange(soci::use(user.password_hash));
            st.exchange(soci::use(change_required));
            st.exchange(soci::use(user.totp_secret));
            st.exchange(soci::use(totp_enabled));
            st.exchange(soci::use(user.totp_last_step));
            st.exchange(soci::use(user.created_at));
            st.exchange(soci::use(user.updated_at));
        });
}

void SociUnitOfWork::UpdateUser(const UserRecord& user) {
    int change_required = user.password_change_required ? 1 : 0;
    int totp_enabled = user.totp_enabled ? 1 : 0;
    Nullable disabled = Of(user.disabled_at);
    sql() << "UPDATE users SET password_hash = :hash, password_change_required = :change, "
             "totp_secret = :secret, totp_enabled = :totp, totp_last_step = :step, "
             "disabled_at = :disabled, updated_at = :updated WHERE id = :id",
        soci::use(user.password_hash), soci::use(change_required), soci::use(user.totp_secret),
        soci::use(totp_enabled), soci::use(user.totp_last_step),
        soci::use(disabled.text, disabled.ind), soci::use(user.updated_at), soci::use(user.id);
}

std::vector<UserRecord> SociUnitOfWork::ListUsers(const usecases::UserFilter& filter) {
    std::string where = "WHERE 1 = 1";
    if (filter.association_id) where += " AND association_id = :association";
    if (filter.departement) where += " AND departement_code = :departement";
    if (filter.region) where += " AND region_code = :region";
    if (filter.user_id) where += " AND id = :user";
    where += " ORDER BY id LIMIT :limit OFFSET :offset";
    return QueryUsers(where, [&](soci::statement& st) {
        if (filter.association_id) st.exchange(soci::use(*filter.association_id));
        if (filter.departement) st.exchange(soci::use(*filter.departement));
        if (filter.region) st.exchange(soci::use(*filter.region));
        if (filter.user_id) st.exchange(soci::use(*filter.user_id));
        st.exchange(soci::use(filter.limit));
        st.exchange(soci::use(filter.offset));
    });
}

long long SociUnitOfWork::CountAdmins() {
    long long count = 0;
    sql() << "SELECT COUNT(*) FROM users WHERE role = 'admin'", soci::into(count);
    return count;
}

bool SociUnitOfWork::AssociationExists(long long id) {
    long long count = 0;
    sql() << "SELECT COUNT(*) FROM associations WHERE id = :id", soci::use(id), soci::into(count);
    return count > 0;
}

long long SociUnitOfWork::InsertSession(const SessionRecord& s) {
    return InsertReturningId(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
        "expires_at) VALUES (:hash, :user, :csrf, :created, :seen, :expires)",
        [&](soci::statement& st) {
            st.exchange(soci::use(s.token_hash));
            st.exchange(soci::use(s.user_id));
            st.exchange(soci::use(s.csrf_token));
            st.exchange(soci::use(s.created_at));
            st.exchange(soci::use(s.last_seen_at));
            st.exchange(soci::use(s.expires_at));
        });
}

std::optional<SessionRecord> SociUnitOfWork::FindSessionByTokenHash(const std::string& hash) {
    SessionRecord s;
    std::string revoked;
    soci::indicator revoked_ind = soci::i_null;
    sql() << "SELECT id, user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, "
             "revoked_at FROM sessions WHERE token_hash = :hash",
        soci::use(hash), soci::into(s.id), soci::into(s.user_id), soci::into(s.token_hash),
        soci::into(s.csrf_token), soci::into(s.created_at), soci::into(s.last_seen_at),
        soci::into(s.expires_at), soci::into(revoked, revoked_ind);
    if (!sql().got_data()) return std::nullopt;
    if (revoked_ind == soci::i_ok) s.revoked_at = revoked;
    return s;
}

void SociUnitOfWork::TouchSession(long long id, const std::string& now) {
    sql() << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now),
        soci::use(id);
}

void SociUnitOfWork::RevokeSession(long long id, const std::string& now) {
    sql() << "UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
        soci::use(now), soci::use(id);
}

void SociUnitOfWork::RevokeUserSessions(long long user_id,
                                        long long keep_session_id,
                                        const std::string& now) {
    sql() << "UPDATE sessions SET revoked_at = :now WHERE user_id = :user AND id <> :keep "
             "AND revoked_at IS NULL",
        soci::use(now), soci::use(user_id), soci::use(keep_session_id);
}

long long SociUnitOfWork::InsertApiToken(const ApiTokenRecord& t) {
    return InsertReturningId(
        "INSERT INTO api_tokens (token_hash, user_id, label, created_at, expires_at) "
        "VALUES (:hash, :user, :label, :created, :expires)",
        [&](soci::statement& st) {
            st.exchange(soci::use(t.token_hash));
            st.exchange(soci::use(t.user_id));
            st.exchange(soci::use(t.label));
            st.exchange(soci::use(t.created_at));
            st.exchange(soci::use(t.expires_at));
        });
}

std::vector<ApiTokenRecord> SociUnitOfWork::QueryTokens(
    const std::string& where, const std::function<void(soci::statement&)>& bind) {
    TokenRow row;
    soci::statement st(sql());
    st.alloc();
    st.prepare(
        "SELECT id, user_id, token_hash, label, created_at, expires_at, revoked_at "
        "FROM api_tokens " +
        where);
    row.Define(st);
    bind(st);
    st.define_and_bind();
    std::vector<ApiTokenRecord> tokens;
    if (st.execute(true)) {
        do {
            tokens.push_back(row.Get());
        } while (st.fetch());
    }
    return tokens;
}

std::optional<ApiTokenRecord> SociUnitOfWork::FindApiTokenByHash(const std::string& hash) {
    auto tokens = QueryTokens("WHERE token_hash = :hash",
                              [&](soci::statement& st) { st.exchange(soci::use(hash)); });
    if (tokens.empty()) return std::nullopt;
    return tokens.front();
}

std::optional<ApiTokenRecord> SociUnitOfWork::FindApiTokenById(long long id) {
    auto tokens =
        QueryTokens("WHERE id = :id", [&](soci::statement& st) { st.exchange(soci::use(id)); });
    if (tokens.empty()) return std::nullopt;
    return tokens.front();
}

std::vector<ApiTokenRecord> SociUnitOfWork::ListApiTokens(long long user_id) {
    return QueryTokens("WHERE user_id = :user ORDER BY id",
                       [&](soci::statement& st) { st.exchange(soci::use(user_id)); });
}

void SociUnitOfWork::RevokeApiToken(long long id, const std::string& now) {
    sql() << "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
        soci::use(now), soci::use(id);
}

void SociUnitOfWork::RevokeUserApiTokens(long long user_id, const std::string& now) {
    sql() << "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL",
        soci::use(now), soci::use(user_id);
}

void SociUnitOfWork::RecordLoginAttempt(const std::string& account_key,
                                        const std::string& address,
                                        const std::string& at,
                                        bool success) {
    int ok = success ? 1 : 0;
    sql() << "INSERT INTO login_attempts (account_key, address, at, success) "
             "VALUES (:key, :address, :at, :ok)",
        soci::use(account_key), soci::use(address), soci::use(at), soci::use(ok);
}

usecases::LoginFailures SociUnitOfWork::AccountFailures(const std::string& account_key,
                                                        const std::string& since) {
    long long count = 0;
    usecases::LoginFailures failures;
    // Failures in the window that came after the account's last success.
    sql() << "SELECT COUNT(*), COALESCE(MAX(f.at), '') FROM login_attempts f "
             "WHERE f.account_key = :key AND f.success = 0 AND f.at >= :since "
             "AND f.id > COALESCE((SELECT MAX(s.id) FROM login_attempts s "
             "WHERE s.account_key = :key2 AND s.success = 1), 0)",
        soci::use(account_key), soci::use(since), soci::use(account_key), soci::into(count),
        soci::into(failures.latest_at);
    failures.count = static_cast<int>(count);
    return failures;
}

usecases::LoginFailures SociUnitOfWork::AddressFailures(const std::string& address,
                                                        const std::string& since) {
    long long count = 0;
    usecases::LoginFailures failures;
    sql() << "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
             "WHERE address = :address AND success = 0 AND at >= :since",
        soci::use(address), soci::use(since), soci::into(count), soci::into(failures.latest_at);
    failures.count = static_cast<int>(count);
    return failures;
}

bool SociUnitOfWork::ClaimTotpStep(long long user_id, long long step) {
    // One conditional UPDATE: of two logins racing with the same code, the second finds the step
    // taken (PostgreSQL re-checks the condition on the row the first one committed).
    soci::statement st = (sql().prepare << "UPDATE users SET totp_last_step = :step "
                                           "WHERE id = :id AND totp_last_step < :step2",
                          soci::use(step), soci::use(user_id), soci::use(step));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::vector<std::string> SociUnitOfWork::ListSentAlertKeys(long long user_id) {
    std::vector<std::string> keys;
    std::string key;
    soci::statement st = (sql().prepare << "SELECT alert_key FROM alert_digest_sent "
                                           "WHERE user_id = :u ORDER BY alert_key",
                          soci::into(key), soci::use(user_id));
    if (st.execute(true)) {
        do {
            keys.push_back(key);
        } while (st.fetch());
    }
    return keys;
}

void SociUnitOfWork::InsertSentAlertKey(long long user_id,
                                        const std::string& key,
                                        const std::string& sent_on) {
    sql() << "INSERT INTO alert_digest_sent (user_id, alert_key, sent_on) VALUES (:u, :k, :s)",
        soci::use(user_id), soci::use(key), soci::use(sent_on);
}

}  // namespace parcours::storage
