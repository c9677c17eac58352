#pragma once
// The data the authorization matrix and the IDOR probes run against: three associations (A and C
// in département 33, B in 13), each with its cases taken through a séance to a decision, every
// identity and protected free-text field holding a unique canary string; a séance of 33 in the
// future with a file tabled on it (the members' window); and subjects of every role in scope A.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "policy_oracle.hpp"

namespace parcours::testing {

// Who may read a canary, besides nobody in a denied cell.
enum class Visibility {
    kCase,     // identity readers of its scope: the association that follows the person, the
               // prefecture and signatory of its département
    kTabled,   // the same, and the members of the commission while the séance's window is open
    kPartner,  // the professionals of the partner's region; the administrator
};

struct Canary {
    std::string text;
    std::string field;
    Target scope;  // kOwnScope, kSameDepartement or kOtherScope
    Visibility visibility;
    std::string seance_date;  // kTabled: the séance's date (ISO)
    std::string convocation;  // kTabled: its convocation date (ISO)
};

// The moment of the window phase the clock is in (kNone outside the window phase).
class MatrixTest : public ApiTest {
  protected:
    struct Cast {
        std::string token;  // the subject's API token (empty for the public)
        long long subject = 0, colleague = 0, neighbour = 0, stranger = 0;
    };

    // Writes the three scopes' records and the window séance (at the pinned 2026-11-25).
    void Seed();
    // Fresh accounts of `role` (a cell may disable one): the subject and a colleague in scope
    // A, a neighbour in association C (or, for roles without an association, in scope A) and a
    // stranger in scope B. A commission member is made a member of the commission of 33.
    Cast Make(domain::Role role);

    // The path of `pattern` for a target: captures replaced by the target's ids; empty when the
    // route has no record for that relationship.
    std::string PathFor(const std::string& pattern, Target target, const Cast& cast) const;
    // The relationships a route is walked with in the main phase (window targets excluded).
    std::vector<Target> TargetsOf(const std::string& pattern) const;

    // The canaries `role` must not find in a reply: all of them in a denied cell; otherwise those
    // outside its scope, and for a commission member the tabled ones outside their window.
    std::vector<const Canary*> Leaks(const Reply& reply, const std::string& role, bool denied);
    // The text to search: the body, or the text of a PDF (pdftotext), blanks removed.
    static std::string VisibleText(const Reply& reply);
    // Every canary found where an identity reader of its scope reads it (the test can fail).
    int CheckCanariesPlanted();

    std::string Fresh(const std::string& field, std::size_t length = 8);
    std::string Today() const;

    // ids[resource][target]: "persons", "parcours", "demandes", "tabled" (a demande tabled at
    // "seances"), "decisions", "appeals", "afis", "agrements", "associations", "commissions",
    // "members", "partners", "departements", "public".
    std::map<std::string, std::map<Target, std::string>> ids_;
    // Every record id written by the seeding, by resource: the scope it belongs to.
    std::map<std::string, std::map<long long, Target>> known_;
    std::vector<Canary> canaries_;
    std::map<Target, long long> association_;
    std::map<Target, std::string> worker_email_;
    long long commission_33_ = 0;
    long long window_seance_ = 0;
    long long window_demande_ = 0;
    std::string instructor_33_;  // e-mail of the seeding instructor of 33
    std::string instructor_13_;
    std::map<long long, long long> person_of_parcours_;
    int made_ = 0;
    int canaries_seen_ = 0;             // canaries found in answers allowed to carry them
    int canaries_seen_by_members_ = 0;  // tabled canaries a member read inside its window
};

}  // namespace parcours::testing
