#include "fixture.hpp"

#include <oath.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <unistd.h>
#include <cstdlib>
#include <fstream>

#include "usecases/accounts.hpp"

namespace parcours::testing {

namespace {

std::string PgAdminUrl() {
    const char* state = std::getenv("PARCOURS_TEST_PG_STATE");
    if (!state) throw std::runtime_error("PARCOURS_TEST_PG_STATE is not set");
    std::ifstream in(std::filesystem::path(state) / "url");
    std::string url;
    if (!std::getline(in, url) || url.empty()) {
        throw std::runtime_error(std::string("no PostgreSQL URL in ") + state +
                                 "/url: is the throwaway server started?");
    }
    return url;
}

std::string WithDatabase(const std::string& admin_url, const std::string& name) {
    // postgresql://user@127.0.0.1:PORT/postgres → …/NAME
    return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

std::atomic<int> g_counter{0};

}  // namespace

std::string Engine() {
    const char* engine = std::getenv("PARCOURS_TEST_ENGINE");
    return engine ? engine : "sqlite";
}

ScratchDatabase::ScratchDatabase() {
    dir_ = std::filesystem::temp_directory_path() /
           ("parcours-test-" + std::to_string(::getpid()) + "-" + std::to_string(++g_counter));
    std::filesystem::create_directories(dir_);
    if (Engine() == "postgresql") {
        pg_name_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(g_counter.load());
        soci::session admin(soci::postgresql, storage::LibpqConnectionString(PgAdminUrl()));
        admin << "CREATE DATABASE " + pg_name_;
        url_ = WithDatabase(PgAdminUrl(), pg_name_);
    } else {
        url_ = "sqlite:" + (dir_ / "parcours.db").string();
    }
}

ScratchDatabase::~ScratchDatabase() {
    if (!pg_name_.empty()) {
        try {
            soci::session admin(soci::postgresql, storage::LibpqConnectionString(PgAdminUrl()));
            admin << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
        } catch (const std::exception& e) {
            ADD_FAILURE() << "cannot drop " << pg_name_ << ": " << e.what();
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void ApiTest::SetUp() {
    scratch_ = std::make_unique<ScratchDatabase>();
    cli::Config config;
    config.db = scratch_->url();
    config.pool_size = 4;
    config.keys_file = (scratch_->dir() / "parcours.keys").string();
    config.http.port = 0;
    config.http.threads = 8;
    config.http.web_root = (scratch_->dir() / "web").string();
    std::filesystem::create_directories(config.http.web_root);
    std::ofstream(std::filesystem::path(config.http.web_root) / "index.html")
        << "<!doctype html><html lang=\"fr\"><title>Parcours</title></html>";
    ConfigureHttp(config.http);
    app_ = std::make_unique<cli::App>(config, cli::SchemaMode::kMigrate);
    server_ = std::make_unique<http::Server>(
        app_->ports(), config.http, [this] { return Now(); }, app_->schema_version());
    port_ = server_->Bind();
    server_thread_ = std::thread([this] { server_->Run(); });
    for (int i = 0; i < 200 && !server_->IsRunning(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void ApiTest::TearDown() {
    if (server_) server_->Stop();
    if (server_thread_.joinable()) server_thread_.join();
    server_.reset();
    app_.reset();
    scratch_.reset();
}

httplib::Client ApiTest::Client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
}

long long ApiTest::AddUser(const std::string& email,
                           const std::string& role,
                           const std::string& password,
                           std::optional<long long> association,
                           std::optional<std::string> departement,
                           std::optional<std::string> region) {
    usecases::NewUser input;
    input.email = email;
    input.role = role;
    input.display_name = "Test " + role;
    input.password = password;
    input.association_id = association;
    input.departement = std::move(departement);
    input.region = std::move(region);
    auto created = usecases::AddUser(ports(), input, {"test", "local"}, Now());
    if (!created) throw std::runtime_error("AddUser: " + created.error().message);
    return created.value().user.id;
}

long long ApiTest::AddAssociation(const std::string& name,
                                  const std::string& departement,
                                  bool approved) {
    storage::Transaction tx(app_->db());
    long long id = 0;
    std::string created = "2026-01-01T00:00:00Z";
    tx.sql() << "INSERT INTO associations (name, departement_code, created_at) "
                "VALUES (:n, :d, :c) RETURNING id",
        soci::use(name), soci::use(departement), soci::use(created), soci::into(id);
    if (approved) {
        tx.sql() << "INSERT INTO agrements (association_id, departement_code, filed_on, decision, "
                    "decided_on, arrete_ref, created_by, created_at, updated_at) VALUES (:a, :d, "
                    "'2026-03-01', 'approved', '2026-06-01', 'arrêté test', 0, :c, :c2)",
            soci::use(id), soci::use(departement), soci::use(created), soci::use(created);
    }
    tx.Commit();
    return id;
}

long long ApiTest::ReferPerson(const std::string& worker, const std::string& last_name) {
    Reply p = Call("POST", "/api/v1/persons", worker,
                   {{"identity",
                     {{"last_name", last_name},
                      {"first_names", "Test"},
                      {"birth_date", "1996-04-01"},
                      {"nationality", "NGA"}}},
                    {"sex_or_gender", "female"},
                    {"administrative_status", "asylum_seeker"}});
    EXPECT_EQ(p.status, 201) << p.raw;
    const long long id = p.body.value("id", 0LL);
    EXPECT_EQ(Call("POST", "/api/v1/persons/" + std::to_string(id) + "/referrals", worker,
                   {{"date", "2026-11-20"}, {"source", "street_outreach"}, {"notes", ""}})
                  .status,
              201);
    return id;
}

Reply ApiTest::GiveAvis(const std::string& instructor,
                        long long demande_id,
                        const std::string& departement,
                        const std::string& outcome,
                        const std::string& reasons) {
    long long commission = 0;
    Reply listed = Call("GET", "/api/v1/commissions", instructor);
    for (const auto& c : listed.body["items"]) {
        if (c["departement"] == departement) commission = c["id"];
    }
    std::string today =
        domain::FormatIsoDate(domain::Date{std::chrono::floor<std::chrono::days>(Now())});
    if (commission == 0) {
        Reply created = Call("POST", "/api/v1/commissions", instructor,
                             {{"departement", departement}, {"installed_on", "2026-01-05"}});
        EXPECT_EQ(created.status, 201) << created.raw;
        commission = created.body["id"];
        Reply member = Call(
            "POST", "/api/v1/commissions/" + std::to_string(commission) + "/members", instructor,
            {{"category", "2"},
             {"name", "Directrice DDETS"},
             {"organisation", "DDETS"},
             {"appointed_on", "2026-01-05"}});
        EXPECT_EQ(member.status, 201) << member.raw;
    }
    Reply detail = Call("GET", "/api/v1/commissions/" + std::to_string(commission), instructor);
    Reply seance =
        Call("POST", "/api/v1/commissions/" + std::to_string(commission) + "/seances", instructor,
             {{"date", today}, {"place", "Préfecture"}, {"convocation_sent_on", today}});
    EXPECT_EQ(seance.status, 201) << seance.raw;
    std::string s = "/api/v1/seances/" + std::to_string(seance.body["id"].get<long long>());
    EXPECT_EQ(Call("POST", s + "/agenda", instructor, {{"demande_id", demande_id}}).status, 200);
    nlohmann::json entries = nlohmann::json::array();
    nlohmann::json votes = nlohmann::json::array();
    std::string vote = outcome == "favorable"     ? "pour"
                       : outcome == "defavorable" ? "contre"
                                                  : "abstention";
    for (const auto& m : detail.body["members"]) {
        if (!m["in_office"].get<bool>() || !m["association_id"].is_null()) continue;
        entries.push_back({{"member_id", m["id"]}, {"status", "present"}});
        votes.push_back({{"member_id", m["id"]}, {"vote", vote}});
    }
    EXPECT_EQ(Call("PUT", s + "/attendance", instructor, {{"entries", entries}}).status, 200);
    Reply avis = Call(
        "POST", s + "/avis", instructor,
        {{"demande_id", demande_id}, {"outcome", outcome}, {"reasons", reasons}, {"votes", votes}});
    EXPECT_EQ(avis.status, 200) << avis.raw;
    return avis;
}

std::string ApiTest::TokenFor(const std::string& email) {
    auto token = usecases::CreateApiToken(ports(), email, 30, "test", {"test", "local"}, Now());
    if (!token) throw std::runtime_error("CreateApiToken: " + token.error().message);
    return token.value().token;
}

std::string ApiTest::TokenUser(const std::string& email,
                               domain::Role role,
                               std::optional<long long> association,
                               std::optional<std::string> departement,
                               std::optional<std::string> region) {
    usecases::UserRecord user;
    user.email = email;
    user.display_name = email;
    user.role = role;
    user.association_id = association;
    user.departement = std::move(departement);
    user.region = std::move(region);
    user.password_hash = "not-a-login-account";
    user.totp_enabled = domain::RequiresTotp(role);
    user.created_at = user.updated_at = "2026-01-01T00:00:00Z";
    auto uow = ports().storage.Begin();
    uow->Accounts().InsertUser(user);
    uow->Commit();
    uow.reset();
    return TokenFor(email);
}

Reply ApiTest::Call(const std::string& method,
                    const std::string& path,
                    const std::string& token,
                    const nlohmann::json& body) {
    return Send(method, path, body.is_null() ? "" : body.dump(),
                {{"Authorization", "Bearer " + token}});
}

Session ApiTest::Login(const std::string& email,
                       const std::string& password,
                       std::optional<std::string> totp) {
    nlohmann::json body = {{"email", email}, {"password", password}};
    if (totp) body["totp"] = *totp;
    Reply reply = Post("/api/v1/auth/login", body);
    if (reply.status != 200) {
        ADD_FAILURE() << "login of " << email << " answered " << reply.status << " " << reply.raw;
        return {};
    }
    Session session;
    std::string set_cookie;
    for (const auto& [name, value] : reply.headers) {
        if (name == "Set-Cookie") set_cookie = value;
    }
    session.cookie = set_cookie.substr(0, set_cookie.find(';'));
    session.csrf = reply.body["csrf_token"].get<std::string>();
    session.user = reply.body["user"];
    return session;
}

std::string ApiTest::TotpCode(const std::string& secret, std::int64_t at_unix) {
    std::string padded = secret;
    while (padded.size() % 8 != 0) padded += '=';
    char* raw = nullptr;
    std::size_t raw_len = 0;
    EXPECT_EQ(oath_base32_decode(padded.c_str(), padded.size(), &raw, &raw_len), OATH_OK);
    char code[7] = {};
    EXPECT_EQ(oath_totp_generate(raw, raw_len, static_cast<time_t>(at_unix), 30, 0, 6, code),
              OATH_OK);
    free(raw);
    return code;
}

Reply ApiTest::Send(const std::string& method,
                    const std::string& path,
                    const std::string& body,
                    httplib::Headers headers) {
    auto client = Client();
    httplib::Result result(nullptr, httplib::Error::Unknown);
    if (method == "GET") {
        result = client.Get(path.c_str(), headers);
    } else if (method == "POST") {
        std::string type = "application/json";
        if (auto it = headers.find("Content-Type"); it != headers.end()) {
            type = it->second;
            headers.erase(it);
        }
        result = client.Post(path.c_str(), headers, body, type.c_str());
    } else if (method == "PUT") {
        result = client.Put(path.c_str(), headers, body, "application/json");
    } else if (method == "PATCH") {
        result = client.Patch(path.c_str(), headers, body, "application/json");
    } else if (method == "DELETE") {
        result = client.Delete(path.c_str(), headers, body, "application/json");
    }
    Reply reply;
    if (!result) {
        ADD_FAILURE() << method << " " << path << ": no answer ("
                      << httplib::to_string(result.error()) << ")";
        return reply;
    }
    reply.status = result->status;
    reply.headers = result->headers;
    reply.raw = result->body;
    reply.body = nlohmann::json::parse(result->body, nullptr, false);
    return reply;
}

Reply ApiTest::Get(const std::string& path, const Session* session) {
    httplib::Headers headers;
    if (session) headers.emplace("Cookie", session->cookie);
    return Send("GET", path, "", headers);
}

Reply ApiTest::Post(const std::string& path, const nlohmann::json& body, const Session* session) {
    httplib::Headers headers;
    if (session) {
        headers.emplace("Cookie", session->cookie);
        headers.emplace("X-CSRF-Token", session->csrf);
    }
    return Send("POST", path, body.dump(), headers);
}

}  // namespace parcours::testing
