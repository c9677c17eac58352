// The canaries: where the matrix looks for them (a JSON body, or the text of a PDF) and who may
// read each one.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "matrix_fixture.hpp"

namespace parcours::testing {

using enum Target;

namespace {

bool IsOneOf(const std::string& role, std::initializer_list<const char*> roles) {
    return std::any_of(roles.begin(), roles.end(), [&](const char* r) { return role == r; });
}

// The members' window, written here independently of src/domain/commission.cpp: from the
// convocation to 30 days after the séance (R121-12-10 and PRODUCT.md).
bool WindowOpen(const std::string& convocation, const std::string& seance, domain::Date today) {
    auto conv = domain::ParseIsoDate(convocation);
    auto date = domain::ParseIsoDate(seance);
    if (!conv || !date) return false;
    auto until = domain::Date{std::chrono::sys_days{*date} + std::chrono::days{30}};
    return today >= *conv && today <= until;
}

}  // namespace

std::string MatrixTest::VisibleText(const Reply& reply) {
    std::string text = reply.raw;
    auto type = reply.headers.find("Content-Type");
    if (type != reply.headers.end() && type->second.find("application/pdf") != std::string::npos) {
        auto file = std::filesystem::temp_directory_path() /
                    ("matrix-" + std::to_string(::getpid()) + ".pdf");
        std::ofstream(file, std::ios::binary) << reply.raw;
        std::string command = "pdftotext '" + file.string() + "' - 2>&1";
        text.clear();
        if (FILE* pipe = ::popen(command.c_str(), "r")) {
            char buffer[4096];
            while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) {
                text.append(buffer, got);
            }
            ::pclose(pipe);
        }
        std::filesystem::remove(file);
        EXPECT_FALSE(text.empty()) << "pdftotext read nothing";
    }
    std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
    return text;
}

std::vector<const Canary*> MatrixTest::Leaks(const Reply& reply,
                                             const std::string& role,
                                             bool denied) {
    std::vector<const Canary*> out;
    const std::string text = VisibleText(reply);
    domain::Date today{std::chrono::floor<std::chrono::days>(Now())};
    for (const Canary& c : canaries_) {
        if (text.find(c.text) == std::string::npos) continue;
        bool may = false;
        if (!denied) {
            bool association = IsOneOf(role, {"association_worker", "association_admin"});
            bool prefecture = IsOneOf(role, {"prefecture_instructor", "signatory"});
            switch (c.visibility) {
                case Visibility::kPartner:
                    may = role == "admin" ||
                          (c.scope != kOtherScope &&
                           IsOneOf(role,
                                   {"association_worker", "association_admin",
                                    "prefecture_instructor", "commission_member", "signatory"}));
                    break;
                case Visibility::kTabled:
                    may = role == "commission_member" && c.scope != kOtherScope &&
                          WindowOpen(c.convocation, c.seance_date, today);
                    [[fallthrough]];
                case Visibility::kCase:
                    may = may || (association && c.scope == kOwnScope) ||
                          (prefecture && c.scope != kOtherScope);
                    break;
            }
        }
        if (!may) out.push_back(&c);
        if (may) ++canaries_seen_;
        if (may && role == "commission_member") ++canaries_seen_by_members_;
    }
    return out;
}

int MatrixTest::CheckCanariesPlanted() {
    // What the identity readers of each scope read: the person's whole file (export), the
    // decision with its appeal, the tabled files, the partner.
    std::string text;
    for (Target scope : {kOwnScope, kSameDepartement, kOtherScope}) {
        const std::string worker = TokenFor(worker_email_[scope]);
        const std::string instructor =
            TokenFor(scope == kOtherScope ? instructor_13_ : instructor_33_);
        for (const auto& [id, owner] : known_["persons"]) {
            if (owner != scope) continue;
            text += VisibleText(
                Call("GET", "/api/v1/persons/" + std::to_string(id) + "/export", worker));
        }
        text +=
            VisibleText(Call("GET", "/api/v1/decisions/" + ids_["decisions"][scope], instructor));
        text += VisibleText(Call(
            "GET", "/api/v1/seances/" + ids_["seances"][scope] + "/files/" + ids_["tabled"][scope],
            instructor));
        text += VisibleText(Call("GET", "/api/v1/seances/" + ids_["seances"][scope], instructor));
        text += VisibleText(Call("GET", "/api/v1/partners/" + ids_["partners"][scope], instructor));
    }
    text += VisibleText(Call("GET",
                             "/api/v1/seances/" + std::to_string(window_seance_) + "/files/" +
                                 std::to_string(window_demande_),
                             TokenFor(instructor_33_)));
    int found = 0;
    for (const Canary& c : canaries_) {
        bool present = text.find(c.text) != std::string::npos;
        EXPECT_TRUE(present) << "canary of " << c.field << " (" << TargetName(c.scope)
                             << ") is not where its readers read it";
        found += present ? 1 : 0;
    }
    return found;
}

}  // namespace parcours::testing
