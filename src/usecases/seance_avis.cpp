// The commission's avis on a tabled demande: votes (or counts) that the avis must follow,
// automatic recusal of the preparing association's representative, quorum or second
// convocation; an ajournement sends the demande back with the commission's questions.
#include <algorithm>
#include <set>

#include "domain/commission.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/seance_support.hpp"

namespace parcours::usecases {

using domain::Action;
using domain::FormatFrenchDate;

domain::Result<Json> RecordSeanceAvis(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        Require(who, Action::kRecordAvis, TargetOfCommission(l.commission));
        if (!input.contains("demande_id") || !input["demande_id"].is_number_integer()) {
            Reject("demande_id", "Identifiant de demande attendu.");
        }
        long long demande_id = input["demande_id"].get<long long>();
        auto agenda = uow->Commission().ListAgenda(l.seance.id);
        auto item = std::find_if(agenda.begin(), agenda.end(), [&](const AgendaItemRecord& a) {
            return a.demande_id == demande_id && a.state != "withdrawn";
        });
        if (item == agenda.end()) {
            Reject("demande_id", "Cette demande n'est pas inscrite à l'ordre du jour.");
        }
        std::string outcome_code = TextField(input, "outcome", "outcome", true, 20);
        auto outcome = domain::FindAvisOutcome(outcome_code);
        if (!outcome) Reject("outcome", "Avis attendu : favorable, defavorable ou ajourne.");
        std::string reasons = TextField(input, "reasons", "reasons",
                                        *outcome != domain::AvisOutcome::kFavorable, 8000);
        bool casting = BoolField(input, "chair_casting_vote", "chair_casting_vote");
        if (item->state != "tabled") ConflictError("L'avis sur cette demande est déjà rendu.");
        if (TodayOf(now) < StoredDate(l.seance.date))
            ConflictError("La séance n'a pas encore eu lieu.");
        if (!l.seance.attendance_recorded) {
            ConflictError(
                "Enregistrez d'abord les présences : le quorum conditionne la délibération.");
        }
        Quorum q = QuorumOf(*uow, l);
        if (!q.reached && !l.seance.second_convocation) {
            ConflictError(
                "Quorum non atteint : la commission ne peut délibérer que sur seconde "
                "convocation (à indiquer avec les présences).");
        }
        TabledDemande t = LoadTabled(*uow, demande_id);
        // The representative of the association that prepared the demande does not take part
        // in the deliberation (circulaire 2017; docs/domain §1.4).
        auto members = uow->Commission().ListMembers(l.commission.id);
        auto attendance = uow->Commission().ListAttendance(l.seance.id);
        Json recused = Json::array();
        std::set<long long> recused_ids;
        for (const auto& m : members) {
            if (m.association_id && *m.association_id == t.parcours.association_id) {
                recused_ids.insert(m.id);
                recused.push_back(
                    {{"member_id", m.id},
                     {"name", m.name},
                     {"reason", "Représentant de l'association qui a préparé la demande"}});
            }
        }
        domain::VoteCount count;
        Json votes_detail = Json::array();
        if (input.contains("votes") && !input["votes"].is_null()) {
            const Json& votes = ArrayField(input, "votes", "votes", 100);
            std::set<long long> seen;
            for (std::size_t i = 0; i < votes.size(); ++i) {
                std::string at = "votes[" + std::to_string(i) + "]";
                if (!votes[i].is_object() || !votes[i].contains("member_id") ||
                    !votes[i]["member_id"].is_number_integer()) {
                    Reject(at + ".member_id", "Identifiant de membre attendu.");
                }
                long long id = votes[i]["member_id"].get<long long>();
                static const std::vector<domain::Code> kVotes = {
                    {"pour", "Pour"}, {"contre", "Contre"}, {"abstention", "Abstention"}};
                std::string vote = CodeField(votes[i], "vote", at + ".vote", kVotes, true);
                auto a = std::find_if(attendance.begin(), attendance.end(),
                                      [&](const AttendanceRecord& r) { return r.member_id == id; });
                if (a == attendance.end() ||
                    (a->status != "present" && a->status != "represented")) {
                    Reject(at + ".member_id", "Ce membre n'est ni présent ni représenté.");
                }
                if (!seen.insert(id).second) Reject(at + ".member_id", "Membre cité deux fois.");
                if (recused_ids.count(id)) {
                    auto error = domain::Fail(
                        domain::ErrorCode::kMemberRecused,
                        "Ce membre représente l'association qui a préparé la demande : il ne "
                        "prend pas part au vote.",
                        at + ".member_id");
                    throw Invalid{error};
                }
                (vote == "pour"     ? count.pour
                 : vote == "contre" ? count.contre
                                    : count.abstention)++;
                votes_detail.push_back({{"member_id", id}, {"vote", vote}});
            }
        } else if (input.contains("counts") && input["counts"].is_object()) {
            auto number = [&](const char* key) {
                const Json& counts = input["counts"];
                if (!counts.contains(key) || !counts[key].is_number_integer() ||
                    counts[key].get<int>() < 0 || counts[key].get<int>() > 200) {
                    Reject(std::string("counts.") + key, "Nombre de voix attendu.");
                }
                return counts[key].get<int>();
            };
            count = {number("pour"), number("contre"), number("abstention")};
            int eligible = 0;
            for (const auto& a : attendance) {
                if ((a.status == "present" || a.status == "represented") &&
                    !recused_ids.count(a.member_id)) {
                    ++eligible;
                }
            }
            if (count.pour + count.contre + count.abstention > eligible) {
                Reject("counts", "Plus de voix que de membres pouvant voter (" +
                                     std::to_string(eligible) + ").");
            }
        } else {
            Reject("votes",
                   "Indiquez le vote de chaque membre (votes) ou les nombres de voix "
                   "(counts).");
        }
        auto check = domain::CheckAvisAgainstVotes(*outcome, count, casting);
        if (!check) throw Invalid{check.error()};

        AgendaItemRecord updated = *item;
        updated.state = "avis_given";
        updated.avis_outcome = outcome_code;
        updated.avis_reasons_enc = Seal(ports.crypto, Json(reasons));
        updated.votes_for = count.pour;
        updated.votes_against = count.contre;
        updated.abstentions = count.abstention;
        updated.votes_json = votes_detail.dump();
        updated.recused_json = recused.dump();
        updated.avis_recorded_at = domain::FormatInstant(now);
        uow->Commission().UpdateAgendaItem(updated);

        DemandeRecord& d = t.demande;
        ParcoursRecord& p = t.parcours;
        d.avis_outcome = outcome_code;
        d.avis_date = l.seance.date;
        d.updated_at = domain::FormatInstant(now);
        std::string basis = "séance du " + FormatFrenchDate(StoredDate(l.seance.date));
        if (*outcome == domain::AvisOutcome::kAjourne) {
            // Back to the association with the commission's questions; the parcours waits.
            d.state = "ajourne";
            d.returned_enc =
                Seal(ports.crypto,
                     {{"reason", "ajourne"}, {"questions", reasons}, {"date", l.seance.date}});
            uow->Cases().UpdateDemande(d);
            AppendEvent(*uow, who, p, "avis_ajourne", p.state, p.state, basis, reasons,
                        l.seance.date, now);
        } else {
            auto next = domain::Next(*domain::FindState(p.state), domain::Transition::kRecordAvis);
            if (!next) throw Invalid{next.error()};
            d.state = "avis_given";
            uow->Cases().UpdateDemande(d);
            SetState(*uow, who, p, next.value(), "avis_" + outcome_code, basis, reasons,
                     l.seance.date, now);
        }
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "avis.record", "demande", std::to_string(d.id)}, meta, now);
        uow->Commit();
        return SeanceDetailJson(ports, *uow, who, l, TodayOf(now));
    });
}

}  // namespace parcours::usecases
