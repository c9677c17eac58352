#pragma once
// The commission's API tests (commission_test.cpp, commission_rules_test.cpp): two associations of
// the Gironde, a worker of each, the prefecture's instructor and signatory, a commission member;
// a submitted demande in one call, and travel in time.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "fixture.hpp"

namespace parcours::testing {

class CommissionTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        association_a_ = AddAssociation("Amicale du Nid 33", "33");
        association_b_ = AddAssociation("Le Mouvement du Nid 33", "33");
        worker_a_ = TokenUser("worker@a.fr", domain::Role::kAssociationWorker, association_a_);
        worker_b_ = TokenUser("worker@b.fr", domain::Role::kAssociationWorker, association_b_);
        instructor_ =
            TokenUser("instruct@pref33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        signatory_ = TokenUser("prefet@pref33.fr", domain::Role::kSignatory, {}, "33");
        member_user_ =
            TokenUser("magistrate@justice.fr", domain::Role::kCommissionMember, {}, "33");
    }

    // A submitted initial demande of `worker` for a new person; returns the demande id.
    long long SubmittedDemande(const std::string& worker, const std::string& last_name) {
        nlohmann::json person = {{"identity",
                                  {{"last_name", last_name},
                                   {"first_names", "Grace"},
                                   {"birth_date", "1996-05-02"},
                                   {"nationality", "NGA"}}},
                                 {"sex_or_gender", "female"},
                                 {"administrative_status", "asylum_seeker"}};
        Reply p = Call("POST", "/api/v1/persons", worker, person);
        EXPECT_EQ(p.status, 201) << p.raw;
        Reply pc = Call("POST", "/api/v1/parcours", worker, {{"person_id", p.body["id"]}});
        std::string path = "/api/v1/parcours/" + std::to_string(pc.body["id"].get<long long>());
        Call("PUT", path + "/document", worker,
             {{"commitments", {{{"text", "Cours de français"}}}},
              {"actions", {{{"domain", "housing"}, {"description", "Demande SIAO"}}}}});
        Reply d = Call("POST", path + "/demandes", worker,
                       {{"kind", "initiale"},
                        {"association_opinion", {{"favourable", true}, {"text", "Très engagée."}}},
                        {"expected_results", "Hébergement stable"},
                        {"sworn_statement_declared", true}});
        EXPECT_EQ(d.status, 201) << d.raw;
        long long id = d.body["id"];
        Reply submitted = Call("POST", "/api/v1/demandes/" + std::to_string(id) + "/submit", worker,
                               nlohmann::json::object());
        EXPECT_EQ(submitted.status, 200) << submitted.raw;
        return id;
    }

    long long AddMember(long long commission, nlohmann::json body) {
        Reply r = Call("POST", "/api/v1/commissions/" + std::to_string(commission) + "/members",
                       instructor_, body);
        EXPECT_EQ(r.status, 201) << r.raw;
        return r.body["id"];
    }

    void Travel(int y, unsigned m, unsigned d) {
        now_ = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{y} / m / d} +
                                        std::chrono::hours{10}}
                   .time_since_epoch()
                   .count();
        worker_a_ = TokenFor("worker@a.fr");
        instructor_ = TokenFor("instruct@pref33.fr");
        signatory_ = TokenFor("prefet@pref33.fr");
        member_user_ = TokenFor("magistrate@justice.fr");
    }

    long long association_a_ = 0;
    long long association_b_ = 0;
    std::string worker_a_, worker_b_, instructor_, signatory_, member_user_;
};

}  // namespace parcours::testing
