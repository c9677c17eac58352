#pragma once
// A fresh database per test (a SQLite file, or a new PostgreSQL database on the throwaway
// server), the production assembly (cli::App) and a real HTTP server on a loopback port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "cli/app.hpp"
#include "http/server.hpp"

namespace parcours::testing {

// "sqlite" or "postgresql", from PARCOURS_TEST_ENGINE.
std::string Engine();

// A database URL for a fresh, empty database, and its disposal.
class ScratchDatabase {
  public:
    ScratchDatabase();
    ~ScratchDatabase();
    const std::string& url() const { return url_; }
    const std::filesystem::path& dir() const { return dir_; }

  private:
    std::filesystem::path dir_;
    std::string url_;
    std::string pg_name_;
};

struct Session {
    std::string cookie;  // "parcours_session=…"
    std::string csrf;
    nlohmann::json user;
};

struct Reply {
    int status = 0;
    nlohmann::json body;
    httplib::Headers headers;
    std::string raw;
};

class ApiTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;
    // Lets a test suite change the server's HTTP settings (e.g. behind a trusted proxy).
    virtual void ConfigureHttp(http::HttpSettings&) {}

    usecases::Ports& ports() { return app_->ports(); }
    cli::App& app() { return *app_; }
    httplib::Client Client();
    domain::Instant Now() const { return domain::Instant{std::chrono::seconds{now_.load()}}; }
    void Advance(std::chrono::seconds by) { now_ += by.count(); }

    // Accounts made through the use cases, as the CLI does.
    long long AddUser(const std::string& email,
                      const std::string& role,
                      const std::string& password,
                      std::optional<long long> association = {},
                      std::optional<std::string> departement = {},
                      std::optional<std::string> region = {});
    // An association with, unless `approved` is false, an agrément in its département approved
    // on 2026-06-01 (valid until 2029-05-31): without one it cannot submit demandes.
    long long AddAssociation(const std::string& name,
                             const std::string& departement,
                             bool approved = true);
    // The commission's avis on a submitted demande, given as a real session would: the
    // département's commission (created if needed) with one member, a session today,
    // attendance, the demande tabled, the vote. Returns the séance's answer.
    Reply GiveAvis(const std::string& instructor_token,
                   long long demande_id,
                   const std::string& departement,
                   const std::string& outcome,
                   const std::string& reasons = "");
    // A person recorded by `worker` (female, born 1996, asylum seeker) and referred on
    // 2026-11-20 by street outreach; returns the person's id.
    long long ReferPerson(const std::string& worker, const std::string& last_name);
    std::string TokenFor(const std::string& email);
    // An account written straight through the repository (no password hashing, TOTP marked
    // enrolled for the roles that need it) and an API token for it.
    std::string TokenUser(const std::string& email,
                          domain::Role role,
                          std::optional<long long> association = {},
                          std::optional<std::string> departement = {},
                          std::optional<std::string> region = {});
    Session Login(const std::string& email,
                  const std::string& password,
                  std::optional<std::string> totp = {});
    std::string TotpCode(const std::string& secret, std::int64_t at_unix);

    Reply Get(const std::string& path, const Session* session = nullptr);
    Reply Post(const std::string& path,
               const nlohmann::json& body,
               const Session* session = nullptr);
    Reply Call(const std::string& method,
               const std::string& path,
               const std::string& token,
               const nlohmann::json& body = nullptr);
    Reply Send(const std::string& method,
               const std::string& path,
               const std::string& body,
               httplib::Headers headers);

    std::unique_ptr<ScratchDatabase> scratch_;
    std::unique_ptr<cli::App> app_;
    std::unique_ptr<http::Server> server_;
    std::thread server_thread_;
    int port_ = 0;
    std::atomic<long long> now_{1'795'600'000};  // 2026-11-25T09:46:40Z, pinned
};

}  // namespace parcours::testing
