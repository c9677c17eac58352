// The daily alert digest through a real SMTP conversation: libcurl talks to a small SMTP
// listener started by the test on a loopback port, which keeps what it receives.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>

#include "fixture.hpp"
#include "mail/curl_mailer.hpp"
#include "usecases/digest.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

// Just enough SMTP (RFC 5321) for one client at a time: greeting, EHLO/HELO, MAIL, RCPT, DATA
// (until "<CRLF>.<CRLF>"), RSET, NOOP, QUIT. Every message received is kept.
class SmtpSink {
  public:
    struct Mail {
        std::string from;
        std::vector<std::string> to;
        std::string data;
    };

    SmtpSink() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            listen(fd_, 4) != 0) {
            throw std::runtime_error("SMTP sink: cannot listen");
        }
        socklen_t len = sizeof addr;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { Loop(); });
    }
    ~SmtpSink() {
        stop_ = true;
        shutdown(fd_, SHUT_RDWR);
        close(fd_);
        thread_.join();
    }
    int port() const { return port_; }
    std::vector<Mail> mails() {
        std::lock_guard lock(mutex_);
        return mails_;
    }

  private:
    void Loop() {
        while (!stop_) {
            int client = accept(fd_, nullptr, nullptr);
            if (client < 0) return;
            Serve(client);
            close(client);
        }
    }

    static void Say(int client, const std::string& line) {
        std::string out = line + "\r\n";
        (void)!write(client, out.data(), out.size());
    }

    void Serve(int client) {
        Say(client, "220 sink.test ESMTP");
        std::string buffer;
        Mail current;
        bool in_data = false;
        char chunk[4096];
        while (true) {
            ssize_t n = read(client, chunk, sizeof chunk);
            if (n <= 0) return;
            buffer.append(chunk, static_cast<std::size_t>(n));
            while (true) {
                if (in_data) {
                    auto end = buffer.find("\r\n.\r\n");
                    if (end == std::string::npos) break;
                    current.data = buffer.substr(0, end + 2);
                    buffer.erase(0, end + 5);
                    {
                        std::lock_guard lock(mutex_);
                        mails_.push_back(current);
                    }
                    current = Mail{};
                    in_data = false;
                    Say(client, "250 OK: queued");
                    continue;
                }
                auto eol = buffer.find("\r\n");
                if (eol == std::string::npos) break;
                std::string line = buffer.substr(0, eol);
                buffer.erase(0, eol + 2);
                std::string verb = line.substr(0, 4);
                for (auto& c : verb) c = static_cast<char>(toupper(c));
                if (verb == "EHLO") {
                    Say(client, "250-sink.test");
                    Say(client, "250 8BITMIME");
                } else if (verb == "HELO" || verb == "RSET" || verb == "NOOP") {
                    Say(client, "250 OK");
                } else if (verb == "MAIL") {
                    current.from = line;
                    Say(client, "250 OK");
                } else if (verb == "RCPT") {
                    current.to.push_back(line);
                    Say(client, "250 OK");
                } else if (verb == "DATA") {
                    in_data = true;
                    Say(client, "354 End data with <CR><LF>.<CR><LF>");
                } else if (verb == "QUIT") {
                    Say(client, "221 Bye");
                    return;
                } else {
                    Say(client, "502 Command not implemented");
                }
            }
        }
    }

    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Mail> mails_;
};

class DigestTest : public ApiTest {};

TEST_F(DigestTest, EachUserGetsTheirNewAlertsOnceByPseudonymOnly) {
    long long association = AddAssociation("Amicale du Nid 33", "33");
    std::string worker = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, association);
    TokenUser("other@b.fr", domain::Role::kAssociationWorker,
              AddAssociation("Autre association", "33"));
    std::string instructor =
        TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
    // An authorised parcours whose first period ends in 20 days (renewal alerts), and a member
    // whose term ends within 60 days.
    Json person = {{"identity",
                    {{"last_name", "Okonkwo"},
                     {"first_names", "Ada"},
                     {"birth_date", "1997-02-11"},
                     {"nationality", "NGA"}}},
                   {"sex_or_gender", "female"},
                   {"administrative_status", "asylum_seeker"}};
    Reply p = Call("POST", "/api/v1/persons", worker, person);
    std::string pseudonym = p.body["pseudonym"];
    Reply pc = Call("POST", "/api/v1/parcours", worker, {{"person_id", p.body["id"]}});
    std::string path = "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
    Call("PUT", path + "/document", worker,
         {{"commitments", {{{"text", "x"}}}},
          {"actions", {{{"domain", "housing"}, {"description", "y"}}}}});
    Reply d = Call("POST", path + "/demandes", worker,
                   {{"kind", "initiale"},
                    {"association_opinion", {{"favourable", true}, {"text", "ok"}}},
                    {"expected_results", "r"},
                    {"sworn_statement_declared", true}});
    std::string demande = "/api/v1/demandes/" + std::to_string(d.body["id"].get<long long>());
    ASSERT_EQ(Call("POST", demande + "/submit", worker, Json::object()).status, 200);
    GiveAvis(instructor, d.body["id"], "33", "favorable");
    std::string signatory = TokenUser("prefet@pref33.fr", domain::Role::kSignatory, {}, "33");
    ASSERT_EQ(Call("POST", demande + "/decisions", signatory,
                   {{"outcome", "autorise"}, {"start_date", "2026-06-15"}})
                  .status,
              201);

    SmtpSink sink;
    mail::CurlMailer mailer(
        {"smtp://127.0.0.1:" + std::to_string(sink.port()), "parcours@pref33.gouv.fr", "", "", 10});
    domain::Date today{std::chrono::floor<std::chrono::days>(Now())};
    auto first =
        usecases::SendAlertDigests(ports(), mailer, {"https://parcours.test"}, today, Now());
    ASSERT_TRUE(first) << first.error().message;
    auto mails = sink.mails();
    ASSERT_GE(mails.size(), 3U);  // the worker, the instructor, the signatory
    const SmtpSink::Mail* to_worker = nullptr;
    for (const auto& m : mails) {
        ASSERT_EQ(m.to.size(), 1U);
        if (m.to[0].find("worker@a.fr") != std::string::npos) to_worker = &m;
        // Nobody outside the parcours' scope is told about it.
        if (m.to[0].find("other@b.fr") != std::string::npos) {
            EXPECT_EQ(m.data.find(pseudonym), std::string::npos);
        }
        // Pseudonyms only: never the identity (in the body; the subject is base64).
        std::string body = m.data.substr(m.data.find("\r\n\r\n"));
        EXPECT_EQ(body.find("Okonkwo"), std::string::npos);
        EXPECT_EQ(body.find("Ada "), std::string::npos);
    }
    ASSERT_NE(to_worker, nullptr);
    EXPECT_NE(to_worker->data.find(pseudonym), std::string::npos) << to_worker->data;
    EXPECT_NE(to_worker->data.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(to_worker->data.find("https://parcours.test"), std::string::npos);
    EXPECT_NE(to_worker->data.find("charset=UTF-8"), std::string::npos);
    EXPECT_GE(first.value()["alerts_sent"].get<int>(), 3);

    // The next day brings nothing new: no message at all.
    auto second = usecases::SendAlertDigests(ports(), mailer, {""}, today, Now());
    ASSERT_TRUE(second);
    EXPECT_EQ(second.value()["users_notified"], 0);
    EXPECT_EQ(sink.mails().size(), mails.size());
}

TEST_F(DigestTest, AnUnreachableServerMarksNothingSent) {
    long long association = AddAssociation("Amicale du Nid 33", "33");
    TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
    {
        auto uow = ports().storage.Begin();
        usecases::AgrementRecord a;
        a.association_id = association;
        a.departement = "33";
        a.filed_on = "2023-10-01";
        a.decision = "approved";
        a.decided_on = "2024-01-15";  // valid until 2027-01-14: within 90 days
        a.created_at = a.updated_at = "2024-01-15T00:00:00Z";
        uow->Commission().InsertAgrement(a);
        uow->Commit();
    }
    int port = 0;
    {
        SmtpSink closed;  // a port that was just free and is closed again
        port = closed.port();
    }
    mail::CurlMailer down({"smtp://127.0.0.1:" + std::to_string(port), "p@x.fr", "", "", 5});
    domain::Date today{std::chrono::floor<std::chrono::days>(Now())};
    auto failed = usecases::SendAlertDigests(ports(), down, {""}, today, Now());
    ASSERT_TRUE(failed);
    EXPECT_GE(failed.value()["failures"].get<int>(), 1);
    EXPECT_EQ(failed.value()["alerts_sent"], 0);
    SmtpSink sink;
    mail::CurlMailer up({"smtp://127.0.0.1:" + std::to_string(sink.port()), "p@x.fr", "", "", 5});
    auto retried = usecases::SendAlertDigests(ports(), up, {""}, today, Now());
    ASSERT_TRUE(retried);
    EXPECT_GE(retried.value()["users_notified"].get<int>(), 1);
    EXPECT_FALSE(sink.mails().empty());
}

}  // namespace
}  // namespace parcours::testing
