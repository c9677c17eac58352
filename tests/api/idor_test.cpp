// IDOR: on every route with a record id (read from the route table), every role asks for the
// ids next to the ones it knows (id−1, id+1 around the records of each scope) and for guessed
// ones (0, negative, very large, beyond 64 bits, not a number). A record that does not exist, or
// that the caller may not read, answers 404 — never a 403 that would confirm it exists, never a
// 5xx; a 403 is only for a record the caller already reads (e.g. a partner it may not edit).
#include <algorithm>
#include <cctype>

#include "figures.hpp"
#include "http/routes.hpp"
#include "matrix_fixture.hpp"

namespace parcours::testing {
namespace {

class IdorTest : public MatrixTest {
  protected:
    // The read route of a resource, to know whether the caller may read a record of it.
    static std::string ReadRoute(const std::string& resource) {
        return "GET /api/v1/" + resource + R"(/(\d+))";
    }
};

TEST_F(IdorTest, GuessedIdsAnswer404AndNeverConfirmAnotherScopesRecord) {
    Seed();
    const std::vector<std::string> guessed = {
        "0", "-1", "1000000000", "9223372036854775807", "99999999999999999999", "abc", "12abc"};
    int probes = 0;
    int leaks = 0;
    for (domain::Role role : domain::kAllRoles) {
        const std::string role_name(domain::RoleName(role));
        for (const http::Route& route : http::RouteTable()) {
            const std::string pattern = route.pattern;
            const std::string key = std::string(route.method) + " " + pattern;
            std::vector<std::size_t> captures;  // positions of the (\d+) captures
            for (auto at = pattern.find(R"((\d+))"); at != std::string::npos;
                 at = pattern.find(R"((\d+))", at + 1)) {
                captures.push_back(at);
            }
            if (captures.empty()) continue;
            const std::string resource = pattern.substr(8, pattern.find('/', 8) - 8);
            Cast cast = Make(role);  // fresh accounts: a probe may disable one
            const std::string own_path = PathFor(pattern, Target::kOwnScope, cast);
            for (std::size_t which = 0; which < captures.size(); ++which) {
                // The second capture of a séance route is a demande tabled at it.
                const std::string probed = which == 0 ? resource : "demandes";
                std::map<long long, Target> known;
                if (resource == "users") {
                    known = {{cast.subject, Target::kSelf},
                             {cast.colleague, Target::kOwnScope},
                             {cast.neighbour, Target::kSameDepartement},
                             {cast.stranger, Target::kOtherScope}};
                } else if (known_.count(probed)) {
                    known = known_.at(probed);
                }
                std::vector<std::string> ids = guessed;
                for (Target t :
                     {Target::kOwnScope, Target::kSameDepartement, Target::kOtherScope}) {
                    long long id = 0;
                    for (const auto& [record, scope] : known) {
                        if (scope == t) id = record;
                    }
                    if (id == 0) continue;
                    ids.push_back(std::to_string(id - 1));
                    ids.push_back(std::to_string(id + 1));
                }
                for (const std::string& id : ids) {
                    std::string path = pattern;
                    for (std::size_t i = captures.size(); i-- > 0;) {
                        std::string value = id;
                        if (i != which) {
                            // The other capture keeps the own scope's record.
                            value = i == 0 ? ids_.at(resource).at(Target::kOwnScope)
                                           : ids_.at("tabled").at(Target::kOwnScope);
                        }
                        path.replace(captures[i], 5, value);
                    }
                    std::erase(path, '\\');
                    if (path == own_path) continue;  // the matrix's own-scope cell
                    std::string body = std::string(route.method) == "GET" ? "" : "{}";
                    Reply reply =
                        Send(route.method, path, body, {{"Authorization", "Bearer " + cast.token}});
                    ++probes;
                    // What the probed id is: a record of a known scope, or one that may not
                    // exist (another cell's account, a record the seeding did not name).
                    std::optional<Target> scope;
                    bool numeric = !id.empty() && std::all_of(id.begin(), id.end(), ::isdigit) &&
                                   id.size() < 10;
                    if (numeric && known.count(std::stoll(id))) scope = known.at(std::stoll(id));
                    bool ok = reply.status < 500;
                    if (captures.size() == 2) {
                        ok = ok && reply.status == 404;  // not that séance's file, whatever it is
                    } else if (!numeric || std::stoll(id) <= 0) {
                        ok = ok && reply.status == 404;  // cannot exist
                    } else if (scope) {
                        bool allowed = Expected(key, role_name, *scope);
                        bool readable = Oracle().count(ReadRoute(resource)) &&
                                        Expected(ReadRoute(resource), role_name, *scope);
                        if (!allowed) {
                            ok = ok && (reply.status == 404 || (readable && reply.status == 403));
                        }
                    } else {
                        ok = ok && reply.status != 403;  // a 403 would confirm it exists
                    }
                    if (!ok) {
                        ++leaks;
                        ADD_FAILURE() << role_name << " × " << key << " with id " << id << " ("
                                      << (scope ? TargetName(*scope) : "unknown") << ") → "
                                      << reply.status << " " << reply.raw.substr(0, 200);
                    }
                }
            }
        }
    }
    std::cout << "IDOR: " << probes << " probes\n";
    RecordFigure("idor probes", probes, false);
    RecordFigure("idor leaks", leaks, true);
    EXPECT_GT(probes, 1000);
}

}  // namespace
}  // namespace parcours::testing
