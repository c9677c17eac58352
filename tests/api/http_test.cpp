// The HTTP surface: health, headers, the JSON error shape for every kind of bad input, static
// files.
#include "fixture.hpp"

#include <filesystem>
#include <fstream>

namespace parcours::testing {
namespace {

class HttpTest : public ApiTest {};

TEST_F(HttpTest, HealthzAnswersWithTheSchemaVersionWithoutLogin) {
    Reply reply = Get("/healthz");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body["status"], "ok");
    EXPECT_EQ(reply.body["schema_version"], app().schema_version());
    EXPECT_EQ(reply.body["engine"], Engine());
}

TEST_F(HttpTest, EveryResponseCarriesTheSecurityHeadersAndARequestId) {
    for (const char* path : {"/healthz", "/api/v1/me", "/", "/nowhere/deep", "/api/v1/nothing"}) {
        Reply reply = Get(path);
        auto header = [&](const char* name) {
            auto it = reply.headers.find(name);
            return it == reply.headers.end() ? std::string() : it->second;
        };
        std::string csp = header("Content-Security-Policy");
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
        EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << path;
        EXPECT_EQ(header("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(header("Referrer-Policy"), "no-referrer") << path;
        EXPECT_FALSE(header("X-Request-Id").empty()) << path;
        EXPECT_TRUE(header("EXCEPTION_WHAT").empty()) << path;
    }
}

TEST_F(HttpTest, TheFrontEndIsServedWithAnSpaFallbackButUnknownApiRoutesAreJson404) {
    Reply root = Get("/");
    EXPECT_EQ(root.status, 200);
    EXPECT_NE(root.raw.find("<title>Parcours</title>"), std::string::npos);
    Reply deep = Get("/connexion");
    EXPECT_EQ(deep.status, 200);
    EXPECT_EQ(deep.raw, root.raw);
    Reply api = Get("/api/v1/does-not-exist");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.body["error"]["code"], "not_found");
}

// A web root as the web build leaves it: a hashed script with its brotli and gzip variants.
class StaticFilesTest : public ApiTest {
  protected:
    void ConfigureHttp(http::HttpSettings& http) override {
        std::filesystem::path assets = std::filesystem::path(http.web_root) / "assets";
        std::filesystem::create_directories(assets);
        std::ofstream(assets / "app-1a2b.js") << kScript;
        std::ofstream(assets / "app-1a2b.js.br") << "BROTLI-BYTES";
        std::ofstream(assets / "app-1a2b.js.gz") << "GZIP-BYTES";
    }
    Reply Fetch(const std::string& path, httplib::Headers headers) {
        httplib::Client client = Client();
        client.set_decompress(false);  // the bytes on the wire
        auto result = client.Get(path, headers);
        Reply reply;
        if (!result) return reply;
        reply.status = result->status;
        reply.raw = result->body;
        reply.headers = result->headers;
        return reply;
    }
    static std::string Header(const Reply& reply, const char* name) {
        auto it = reply.headers.find(name);
        return it == reply.headers.end() ? std::string() : it->second;
    }
    static constexpr const char* kScript = "console.log('Parcours');\n";
};

TEST_F(StaticFilesTest, TheBuildsCompressedVariantsAreSentAsTheBrowserAccepts) {
    const std::string path = "/assets/app-1a2b.js";
    Reply brotli = Fetch(path, {{"Accept-Encoding", "gzip, deflate, br, zstd"}});
    ASSERT_EQ(brotli.status, 200);
    EXPECT_EQ(brotli.raw, "BROTLI-BYTES");
    EXPECT_EQ(Header(brotli, "Content-Encoding"), "br");
    EXPECT_EQ(Header(brotli, "Vary"), "Accept-Encoding");
    EXPECT_EQ(Header(brotli, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(Header(brotli, "Content-Type"), "text/javascript; charset=utf-8");

    Reply gzip = Fetch(path, {{"Accept-Encoding", "br;q=0, gzip"}});
    EXPECT_EQ(gzip.raw, "GZIP-BYTES");
    EXPECT_EQ(Header(gzip, "Content-Encoding"), "gzip");

    Reply identity = Fetch(path, {});
    EXPECT_EQ(identity.raw, kScript);
    EXPECT_EQ(Header(identity, "Content-Encoding"), "");

    // Revalidation: the same representation is not sent again.
    Reply again = Fetch(path, {{"If-None-Match", Header(brotli, "ETag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.raw.empty());
}

TEST_F(StaticFilesTest, NothingIsCompressedOnTheFlyAndNothingOutsideTheWebRootIsServed) {
    // index.html has no variant: sent as it is (cpp-httplib's own brotli took seconds of CPU).
    Reply page = Fetch("/dossiers/12", {{"Accept-Encoding", "br, gzip"}});
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.raw.find("<title>Parcours</title>"), std::string::npos);
    EXPECT_EQ(Header(page, "Content-Encoding"), "");
    EXPECT_EQ(Header(page, "Cache-Control"), "no-cache");

    std::string analyst = TokenUser("analyste@parcours.test", domain::Role::kAnalystNational);
    Reply csv = Fetch("/api/v1/stats/export.csv?year=2026",
                      {{"Authorization", "Bearer " + analyst}, {"Accept-Encoding", "br, gzip"}});
    ASSERT_EQ(csv.status, 200) << csv.raw;
    EXPECT_EQ(Header(csv, "Content-Encoding"), "");
    EXPECT_EQ(Header(csv, "Content-Type"), "text/csv; charset=utf-8");

    // The instance's keys sit beside the web root in this test's folder.
    std::ifstream keys_file(scratch_->dir() / "parcours.keys", std::ios::binary);
    std::string keys((std::istreambuf_iterator<char>(keys_file)), {});
    ASSERT_FALSE(keys.empty());
    for (const char* path :
         {"/../parcours.keys", "/%2e%2e/parcours.keys", "/assets/../../parcours.keys"}) {
        EXPECT_EQ(Fetch(path, {}).raw.find(keys), std::string::npos) << path;
    }
}

TEST_F(HttpTest, BadBodiesAre4xxWithAFrenchMessageNamingTheField) {
    struct Case {
        std::string body;
        std::string content_type;
        int status;
        std::string code;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"{\"email\": ", "application/json", 400, "invalid_json", ""},
        {"[1, 2]", "application/json", 400, "invalid_json", ""},
        {std::string(100, '[') + std::string(100, ']'), "application/json", 400, "invalid_json",
         ""},
        {"{\"email\": 42, \"password\": \"x\"}", "application/json", 422, "validation_failed",
         "email"},
        {"{\"email\": \"a@b.fr\"}", "application/json", 422, "validation_failed", "password"},
        {"{\"email\": \"a@b.fr\", \"password\": \"x\", \"role\": \"admin\"}", "application/json",
         422, "validation_failed", "role"},
        {"{\"email\": \"pas-une-adresse\", \"password\": \"x\"}", "application/json", 422,
         "validation_failed", "email"},
        {"email=a@b.fr&password=x", "application/x-www-form-urlencoded", 415,
         "unsupported_media_type", ""},
        // A lone surrogate is not valid JSON text (RFC 8259 §8.2).
        {"{\"email\": \"\\ud800\", \"password\": \"x\"}", "application/json", 400, "invalid_json",
         ""},
        {"{\"email\": \"\xff\xfe\", \"password\": \"x\"}", "application/json", 400, "invalid_json",
         ""},
    };
    for (const auto& c : cases) {
        Reply reply =
            Send("POST", "/api/v1/auth/login", c.body, {{"Content-Type", c.content_type}});
        EXPECT_EQ(reply.status, c.status) << c.body;
        EXPECT_EQ(reply.body["error"]["code"], c.code) << c.body;
        EXPECT_FALSE(reply.body["error"]["message"].get<std::string>().empty()) << c.body;
        if (!c.field.empty()) {
            EXPECT_EQ(reply.body["error"]["field"], c.field) << c.body;
        }
    }
}

// Query parameters that are not clean UTF-8 are refused by name before any engine sees them;
// a long one is cut without splitting a character (wapiti found a 500 on PostgreSQL).
TEST_F(HttpTest, QueryParametersThatAreNotCleanTextAre422NamingTheParameter) {
    for (const std::string value : {"%C3", "%00", "3%0A3", "%ED%A0%80", "%C0%AF"}) {
        Reply r = Get("/api/v1/public/associations?departement=" + value);
        EXPECT_EQ(r.status, 422) << value << " " << r.raw;
        EXPECT_EQ(r.body["error"]["field"], "departement") << value;
    }
    Reply unnamed = Get("/api/v1/public/associations?%FF=1");
    EXPECT_EQ(unnamed.status, 422) << unnamed.raw;
    EXPECT_EQ(unnamed.body["error"]["field"], "query");
    // Two 2-byte characters cut at 3 bytes keep one whole character: an unknown département.
    Reply cut = Get("/api/v1/public/associations?departement=%C3%A9%C3%A9");
    EXPECT_EQ(cut.status, 422) << cut.raw;
    EXPECT_EQ(cut.body["error"]["field"], "departement");
    EXPECT_EQ(Get("/api/v1/public/associations?departement=33").status, 200);
}

TEST_F(HttpTest, OversizedBodiesAre413) {
    std::string big = "{\"email\": \"" + std::string(2 << 20, 'a') + "\"}";
    Reply reply = Send("POST", "/api/v1/auth/login", big, {});
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(reply.body["error"]["code"], "payload_too_large");
}

TEST_F(HttpTest, BadQueryParametersAre422NamingTheParameter) {
    long long association = AddAssociation("Association du Bassin", "33");
    AddUser("chef@assoc.fr", "association_admin", "un mot de passe solide", association);
    std::string token = TokenFor("chef@assoc.fr");
    for (const char* query : {"limit=abc", "limit=0", "limit=501", "limit=1e3", "offset=-1"}) {
        Reply reply = Send("GET", std::string("/api/v1/users?") + query, "",
                           {{"Authorization", "Bearer " + token}});
        EXPECT_EQ(reply.status, 422) << query;
        EXPECT_EQ(reply.body["error"]["field"],
                  std::string(query).substr(0, std::string(query).find('=')))
            << query;
    }
    EXPECT_EQ(
        Send("GET", "/api/v1/users?limit=10", "", {{"Authorization", "Bearer " + token}}).status,
        200);
}

TEST_F(HttpTest, DepartementsListsTheHundredAndOneDepartements) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", "un mot de passe solide", {}, "33");
    std::string token = TokenFor("a@prefecture.gouv.fr");
    Reply reply = Send("GET", "/api/v1/departements", "", {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(reply.status, 200);
    ASSERT_EQ(reply.body.size(), 101U);
    bool found_gironde = false;
    bool found_corse = false;
    bool found_mayotte = false;
    for (const auto& d : reply.body) {
        if (d["code"] == "33") {
            found_gironde = d["name"] == "Gironde" && d["region_name"] == "Nouvelle-Aquitaine";
        }
        found_corse = found_corse || d["code"] == "2A";
        found_mayotte = found_mayotte || d["code"] == "976";
    }
    EXPECT_TRUE(found_gironde);
    EXPECT_TRUE(found_corse);
    EXPECT_TRUE(found_mayotte);
    EXPECT_EQ(Get("/api/v1/departements").status, 401);
}

}  // namespace
}  // namespace parcours::testing
