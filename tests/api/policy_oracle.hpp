#pragma once
// The authorization matrix's oracle: for every route of the route table, which role reaches
// which relationship to the record. It is written independently of the policy table in
// src/domain/policy.cpp: a route missing here fails the matrix, so a new route must be listed.
//
// Every subject of the matrix sits in the same scope: association A, département 33 (Gironde),
// region 75 (Nouvelle-Aquitaine); its commission is the commission of 33, which lists it as a
// member when its role is commission_member.
#include <map>
#include <set>
#include <string>

namespace parcours::testing {

enum class Target {
    kNone,             // a route without a record id
    kSelf,             // the subject's own account
    kOwnScope,         // a record of association A (département 33)
    kSameDepartement,  // a record of association C, also in département 33
    kOtherScope,       // a record of association B, département 13 (region 93)
    kNotTabled,        // a demande of scope A that is not on the agenda of the séance asked
    kBeforeWindow,     // a file tabled at a séance of 33 whose members' window has not opened
    kInWindow,         // the same, from the convocation to the séance + 30 days
    kAfterWindow,      // the same, after the séance + 30 days
};

inline const char* TargetName(Target t) {
    switch (t) {
        case Target::kNone:
            return "-";
        case Target::kSelf:
            return "self";
        case Target::kOwnScope:
            return "own-scope";
        case Target::kSameDepartement:
            return "other-association-same-departement";
        case Target::kOtherScope:
            return "other-departement";
        case Target::kNotTabled:
            return "not-tabled";
        case Target::kBeforeWindow:
            return "before-window";
        case Target::kInWindow:
            return "in-window";
        case Target::kAfterWindow:
            return "after-window";
    }
    return "?";
}

using Cells = std::map<std::string, std::set<Target>>;  // role → targets it reaches

// route ("METHOD pattern") → role → targets. "all" is every logged-in role; "public" is a
// caller without credentials, listed separately.
inline const std::map<std::string, Cells>& Oracle() {
    using enum Target;
    const std::set<Target> any = {kNone,       kSelf,         kOwnScope, kSameDepartement,
                                  kOtherScope, kBeforeWindow, kInWindow, kAfterWindow};
    const std::set<Target> assoc = {kOwnScope};                               // own association
    const std::set<Target> dep = {kOwnScope, kSameDepartement};               // own département
    const std::set<Target> all = {kOwnScope, kSameDepartement, kOtherScope};  // the instance
    // A séance of 33 at every moment of the members' window (the prefecture is not bound to it).
    const std::set<Target> dep_always = {kOwnScope, kSameDepartement, kBeforeWindow, kInWindow,
                                         kAfterWindow};
    const std::set<Target> dep_in_window = {kOwnScope, kSameDepartement, kInWindow};
    // A case record: the association that follows it, the département's prefecture and signatory.
    const Cells kWorkers = {{"association_worker", assoc}, {"association_admin", assoc}};
    Cells kReaders = kWorkers;
    kReaders["prefecture_instructor"] = dep;
    kReaders["signatory"] = dep;
    const Cells kPrefecture = {{"prefecture_instructor", dep}, {"signatory", dep}};
    // The commission's secretariat: the instructor of the département, the administrator.
    const Cells kSecretariat = {{"admin", all}, {"prefecture_instructor", dep}};
    Cells kAgrementReaders = kReaders;
    kAgrementReaders["admin"] = all;
    // The commission, its members and séances (not the tabled files): the professionals of the
    // département, at any moment of the window.
    const Cells kCommissionReaders = {{"admin", any},
                                      {"association_worker", dep_always},
                                      {"association_admin", dep_always},
                                      {"prefecture_instructor", dep_always},
                                      {"signatory", dep_always},
                                      {"commission_member", dep_always}};
    // The tabled files and the minutes: the prefecture of the département; a member of the
    // commission only inside the window; never an association, an analyst or the administrator.
    const Cells kTabledReaders = {{"prefecture_instructor", dep_always},
                                  {"signatory", dep_always},
                                  {"commission_member", dep_in_window}};
    const Cells kEveryone = {{"all", any}, {"public", any}};
    const Cells kPartnerReaders = {
        {"association_worker", dep}, {"association_admin", dep}, {"prefecture_instructor", dep},
        {"commission_member", dep},  {"signatory", dep},         {"admin", all}};
    const Cells kPartnerKeepers = {{"association_admin", dep}, {"prefecture_instructor", dep}};
    static const std::map<std::string, Cells> kOracle = {
        {"GET /healthz", kEveryone},
        {"POST /api/v1/auth/login", kEveryone},
        {"POST /api/v1/auth/logout", {{"all", any}}},
        {"GET /api/v1/me", {{"all", any}}},
        {"POST /api/v1/auth/password", {{"all", any}}},
        {"POST /api/v1/auth/totp/enrol", {{"all", any}}},
        {"POST /api/v1/auth/totp/confirm", {{"all", any}}},
        {"GET /api/v1/departements", {{"all", any}}},
        {"GET /api/v1/users", {{"admin", any}, {"association_admin", any}}},
        {R"(GET /api/v1/users/(\d+))",
         {{"all", {kSelf}},
          {"admin", {kSelf, kOwnScope, kSameDepartement, kOtherScope}},
          {"association_admin", {kSelf, kOwnScope}}}},
        {R"(POST /api/v1/users/(\d+)/disable)",
         // Disabling oneself reaches the use case, which refuses it (409): not a policy leak.
         {{"admin", {kSelf, kOwnScope, kSameDepartement, kOtherScope}},
          {"association_admin", {kSelf, kOwnScope}}}},
        {"GET /api/v1/audit", {{"admin", any}}},
        {"POST /api/v1/associations", {{"admin", any}}},
        {"GET /api/v1/associations", {{"all", any}}},  // filtered to the caller's scope
        {R"(GET /api/v1/associations/(\d+))",
         {{"admin", all},
          {"association_worker", assoc},
          {"association_admin", assoc},
          {"prefecture_instructor", dep},
          {"signatory", dep}}},
        {"POST /api/v1/persons", {{"association_worker", any}, {"association_admin", any}}},
        {R"(GET /api/v1/persons/(\d+)/export)", kReaders},  // who may read the identity
        {"GET /api/v1/persons",
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"signatory", any}}},
        {R"(GET /api/v1/persons/(\d+))", kReaders},
        {R"(PATCH /api/v1/persons/(\d+))", kWorkers},
        {R"(POST /api/v1/persons/(\d+)/referrals)", kWorkers},
        {R"(POST /api/v1/persons/(\d+)/assessments)", kWorkers},
        {R"(GET /api/v1/departements/([0-9AB]{2,3})/criteria)",
         {{"association_worker", assoc},
          {"association_admin", assoc},
          {"prefecture_instructor", assoc},
          {"commission_member", assoc},
          {"signatory", assoc},
          {"analyst_regional", assoc},
          {"analyst_national", {kOwnScope, kOtherScope}}}},
        {R"(PUT /api/v1/departements/([0-9AB]{2,3})/criteria)", {{"prefecture_instructor", assoc}}},
        {"POST /api/v1/parcours", {{"association_worker", any}, {"association_admin", any}}},
        {R"(GET /api/v1/parcours/(\d+))", kReaders},
        {R"(PUT /api/v1/parcours/(\d+)/document)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/document)", kReaders},
        {R"(POST /api/v1/parcours/(\d+)/followups)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/followups)", kReaders},
        // Each line names its parcours, checked as the route above checks it.
        {"POST /api/v1/followups/import",
         {{"association_worker", any}, {"association_admin", any}}},
        {R"(POST /api/v1/parcours/(\d+)/exit)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/demandes)", kWorkers},
        {"GET /api/v1/demandes",  // filtered to the caller's scope; a missing state is a 422
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"signatory", any}}},
        {R"(GET /api/v1/demandes/(\d+))", kReaders},
        {R"(PUT /api/v1/demandes/(\d+))", kWorkers},
        {R"(POST /api/v1/demandes/(\d+)/submit)", kWorkers},
        {R"(POST /api/v1/demandes/(\d+)/incomplete)", {{"prefecture_instructor", dep}}},
        {R"(POST /api/v1/demandes/(\d+)/decisions)", {{"signatory", dep}}},
        {R"(POST /api/v1/parcours/(\d+)/decisions)", {{"signatory", dep}}},
        {R"(GET /api/v1/decisions/(\d+))", kReaders},
        {R"(GET /api/v1/decisions/(\d+)/letter\.pdf)", kReaders},  // identity readers
        {R"(POST /api/v1/decisions/(\d+)/notifications)", kPrefecture},
        {R"(POST /api/v1/decisions/(\d+)/appeals)", kPrefecture},
        {R"(PATCH /api/v1/appeals/(\d+))", kPrefecture},
        // An instructor records the agrément files of their département, whatever the
        // association's seat (one file per target département).
        {R"(POST /api/v1/associations/(\d+)/agrements)",
         {{"admin", all}, {"prefecture_instructor", all}}},
        {R"(GET /api/v1/associations/(\d+)/agrements)", kAgrementReaders},
        {R"(GET /api/v1/agrements/(\d+))", kAgrementReaders},
        {R"(POST /api/v1/agrements/(\d+)/missing-documents)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/documents-received)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/decision)", kSecretariat},
        {R"(POST /api/v1/agrements/(\d+)/withdrawal)", kSecretariat},
        {"POST /api/v1/commissions", {{"admin", any}, {"prefecture_instructor", any}}},
        {"GET /api/v1/commissions", {{"all", any}}},  // filtered to the caller's scope
        {R"(GET /api/v1/commissions/(\d+))", kCommissionReaders},
        {R"(PATCH /api/v1/commissions/(\d+))", kSecretariat},
        {R"(POST /api/v1/commissions/(\d+)/members)", kSecretariat},
        {R"(PATCH /api/v1/members/(\d+))", kSecretariat},
        {R"(POST /api/v1/commissions/(\d+)/seances)", kSecretariat},
        {R"(GET /api/v1/seances/(\d+))", kCommissionReaders},
        {R"(PATCH /api/v1/seances/(\d+))", kSecretariat},
        {R"(POST /api/v1/seances/(\d+)/agenda)", kSecretariat},
        {R"(DELETE /api/v1/seances/(\d+)/agenda/(\d+))", kSecretariat},
        {R"(PUT /api/v1/seances/(\d+)/attendance)", kSecretariat},
        {R"(POST /api/v1/seances/(\d+)/avis)", {{"prefecture_instructor", dep}}},
        {R"(GET /api/v1/seances/(\d+)/files/(\d+))", kTabledReaders},
        {R"(GET /api/v1/seances/(\d+)/minutes\.pdf)", kTabledReaders},
        {R"(POST /api/v1/seances/(\d+)/minutes-sent)", kSecretariat},
        {"GET /api/v1/rules/afis", kEveryone},  // the AFIS simulator: legal amounts only
        {"GET /api/v1/rules/parameters", {{"all", any}}},
        {"POST /api/v1/rules/parameters", {{"admin", any}}},
        {R"(POST /api/v1/parcours/(\d+)/afis)", kWorkers},
        {R"(POST /api/v1/afis/(\d+)/msa)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/aps)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/housing)", kWorkers},
        {R"(POST /api/v1/parcours/(\d+)/other-rights)", kWorkers},
        {R"(GET /api/v1/parcours/(\d+)/rights)", kReaders},
        {"GET /api/v1/alerts", {{"all", any}}},  // filtered to the caller's scope
        // The default scope is national: only the national analyst; the others ask for their
        // region or département (statistics_test.cpp).
        {"GET /api/v1/stats", {{"analyst_national", any}}},
        {"GET /api/v1/stats/export.csv", {{"analyst_national", any}}},
        {"GET /api/v1/stats/export.xlsx", {{"analyst_national", any}}},
        // The partner network: read in the region of a covered département (own scope and same
        // département: partners of 33, Nouvelle-Aquitaine; other scope: of 13, Provence-Alpes-
        // Côte d'Azur); kept by the associations' admins and the prefecture of its département.
        {"GET /api/v1/partners",
         {{"association_worker", any},
          {"association_admin", any},
          {"prefecture_instructor", any},
          {"commission_member", any},
          {"signatory", any},
          {"admin", any}}},
        {"POST /api/v1/partners", {{"association_admin", any}, {"prefecture_instructor", any}}},
        {R"(GET /api/v1/partners/export\.csv)",
         {{"association_admin", any}, {"prefecture_instructor", any}}},
        {"POST /api/v1/partners/import",
         {{"association_admin", any}, {"prefecture_instructor", any}}},
        {R"(GET /api/v1/partners/(\d+))", kPartnerReaders},
        {R"(PUT /api/v1/partners/(\d+))", kPartnerKeepers},
        {R"(POST /api/v1/partners/(\d+)/verify)", kPartnerKeepers},
        {R"(DELETE /api/v1/partners/(\d+))", kPartnerKeepers},
        // Public: the directory of approved associations and the leaflets.
        {"GET /api/v1/public/associations", kEveryone},
        {R"(GET /api/v1/public/info/([a-z]{2})/leaflet\.pdf)", kEveryone},
    };
    return kOracle;
}

// Whether `role` ("public" for no credentials) reaches `target` through `route`.
inline bool Expected(const std::string& route, const std::string& role, Target target) {
    const Cells& cells = Oracle().at(route);
    auto allows = [&](const char* key) {
        auto it = cells.find(key);
        return it != cells.end() && it->second.count(target) > 0;
    };
    if (role == "public") return allows("public");
    return allows(role.c_str()) || allows("all");
}

}  // namespace parcours::testing
