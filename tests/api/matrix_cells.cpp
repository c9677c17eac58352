// The cells of the authorization matrix: the accounts each cell asks with, the relationships a
// route is walked with, and the path of a route for a relationship.
#include "matrix_fixture.hpp"

namespace parcours::testing {

using Json = nlohmann::json;
using enum Target;

MatrixTest::Cast MatrixTest::Make(domain::Role role) {
    const int n = ++made_;
    const std::string name(domain::RoleName(role));
    auto insert = [&](const std::string& who, Target scope) {
        usecases::UserRecord user;
        user.email = who + std::to_string(n) + "-" + name + "@test.fr";
        user.display_name = user.email;
        user.role = role;
        if (domain::NeedsAssociation(role)) user.association_id = association_.at(scope);
        if (domain::NeedsDepartement(role)) user.departement = scope == kOtherScope ? "13" : "33";
        if (domain::NeedsRegion(role)) user.region = scope == kOtherScope ? "93" : "75";
        user.password_hash = "not-a-login-account";
        user.totp_enabled = domain::RequiresTotp(role);
        user.created_at = user.updated_at = "2026-01-01T00:00:00Z";
        auto uow = ports().storage.Begin();
        long long id = uow->Accounts().InsertUser(user);
        uow->Commit();
        return std::pair{id, user.email};
    };
    Cast cast;
    auto [subject, email] = insert("subject", kOwnScope);
    cast.subject = subject;
    cast.colleague = insert("colleague", kOwnScope).first;
    cast.neighbour =
        insert("neighbour", domain::NeedsAssociation(role) ? kSameDepartement : kOwnScope).first;
    cast.stranger = insert("stranger", kOtherScope).first;
    cast.token = TokenFor(email);
    if (role == domain::Role::kCommissionMember) {
        Reply member =
            Call("POST", "/api/v1/commissions/" + std::to_string(commission_33_) + "/members",
                 TokenFor(instructor_33_),
                 {{"category", "2"},
                  {"name", "Membre " + std::to_string(n)},
                  {"organisation", "DDETS"},
                  {"appointed_on", "2026-01-05"},
                  {"user_id", cast.subject}});
        EXPECT_EQ(member.status, 201) << member.raw;
    }
    return cast;
}

std::vector<Target> MatrixTest::TargetsOf(const std::string& pattern) const {
    if (pattern.find('(') == std::string::npos) return {kNone};
    if (pattern.find("/users/") != std::string::npos) {
        return {kSelf, kOwnScope, kSameDepartement, kOtherScope};
    }
    std::string resource = pattern.substr(8, pattern.find('/', 8) - 8);
    const auto& by_target = ids_.at(resource);
    std::vector<Target> targets = {kOwnScope};
    if (by_target.count(kSameDepartement) &&
        by_target.at(kSameDepartement) != by_target.at(kOwnScope)) {
        targets.push_back(kSameDepartement);
    }
    targets.push_back(kOtherScope);
    if (pattern.find('(', pattern.find('(') + 1) != std::string::npos) {
        targets.push_back(kNotTabled);
    }
    return targets;
}

std::string MatrixTest::PathFor(const std::string& pattern, Target target, const Cast& cast) const {
    std::string path = pattern;
    auto replace = [&](const std::string& id) {
        auto at = path.find('(');
        path.replace(at, path.find(')', at) - at + 1, id);
    };
    if (path.find('(') != std::string::npos) {
        std::string resource = pattern.substr(8, pattern.find('/', 8) - 8);
        bool window = target == kBeforeWindow || target == kInWindow || target == kAfterWindow;
        if (resource == "users") {
            replace(std::to_string(target == kSelf              ? cast.subject
                                   : target == kOwnScope        ? cast.colleague
                                   : target == kSameDepartement ? cast.neighbour
                                                                : cast.stranger));
        } else if (window) {
            if (resource != "seances") return "";
            replace(std::to_string(window_seance_));
            if (path.find('(') != std::string::npos) replace(std::to_string(window_demande_));
        } else if (target == kNotTabled) {
            replace(ids_.at("seances").at(kOwnScope));
            replace(ids_.at("demandes").at(kOwnScope));  // a draft: on no agenda
        } else {
            replace(ids_.at(resource).at(target));
            if (path.find('(') != std::string::npos) replace(ids_.at("tabled").at(target));
        }
    }
    std::erase(path, '\\');  // a regex's escaped dot ("letter\\.pdf")
    return path;
}

}  // namespace parcours::testing
