// What is read from a séance: the tabled files (members only within their window, never an
// identity) and the minutes (procès-verbal) as a PDF.
#include "domain/commission.hpp"
#include "usecases/assessments.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/seance_support.hpp"

namespace parcours::usecases {

using domain::Action;
using domain::Date;
using domain::FormatFrenchDate;
using domain::FormatIsoDate;

domain::Result<Json> GetTabledFile(Ports& ports,
                                   const Principal& who,
                                   long long seance_id,
                                   long long demande_id,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kReadTabledFiles);
        Date today = TodayOf(now);
        if (!CanSeeTabledFiles(*uow, who, l, today)) NotFoundError();
        auto agenda = uow->Commission().ListAgenda(l.seance.id);
        auto item = std::find_if(agenda.begin(), agenda.end(), [&](const AgendaItemRecord& a) {
            return a.demande_id == demande_id && a.state != "withdrawn";
        });
        if (item == agenda.end()) NotFoundError();
        TabledDemande t = LoadTabled(*uow, demande_id);
        if (IsArchived(t)) NotFoundError();
        Json identity = Open(ports.crypto, t.person.identity_enc);
        Json content = Open(ports.crypto, t.demande.content_enc);
        auto document = uow->Cases().FindDocument(t.parcours.id, t.demande.document_version);
        auto assessments = uow->Cases().ListAssessments(t.person.id);
        Json periods = Json::array();
        for (const auto& period : PeriodsOf(*uow, t.parcours.id)) {
            periods.push_back({{"number", period.number},
                               {"start", FormatIsoDate(period.start)},
                               {"end", FormatIsoDate(period.end)}});
        }
        // Pseudonym, age band and nationality: never the identity fields (PRODUCT.md).
        Json out = {
            {"seance_id", l.seance.id},
            {"demande_id", t.demande.id},
            {"pseudonym", t.person.pseudonym},
            {"age_band", domain::AgeBand(StoredDate(identity["birth_date"].get<std::string>()),
                                         StoredDate(l.seance.date))},
            {"nationality", identity["nationality"]},
            {"sex_or_gender", t.person.sex_or_gender},
            {"kind", t.demande.kind},
            {"kind_label", KindLabel(t.demande)},
            {"association_name", AssociationName(*uow, t.parcours.association_id)},
            {"association_opinion",
             {{"favourable", t.demande.association_favourable}, {"text", content["opinion_text"]}}},
            {"expected_results", content["expected_results"]},
            {"achieved_results", content["achieved_results"]},
            {"difficulties", content["difficulties"]},
            {"periods", periods},
            {"document", document ? DocumentJson(ports, *document) : Json(nullptr)},
            {"assessment",
             assessments.empty() ? Json(nullptr) : AssessmentJson(ports, assessments.back())},
            {"avis", item->avis_outcome ? AvisJson(ports, *item, l.seance.date) : Json(nullptr)}};
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "tabled_file.read", "demande", std::to_string(demande_id)}, meta,
                    now);
        uow->Commit();
        return out;
    });
}

domain::Result<PdfFile> SeanceMinutes(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<PdfFile> {
        auto uow = ports.storage.BeginRead();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kReadTabledFiles);
        Date today = TodayOf(now);
        if (!CanSeeTabledFiles(*uow, who, l, today)) NotFoundError();
        auto departement = uow->Reference().FindDepartement(l.commission.departement);
        Quorum q = QuorumOf(*uow, l);
        MinutesData m;
        m.commission =
            "Commission départementale de lutte contre la prostitution, le proxénétisme et la "
            "traite des êtres humains aux fins d'exploitation sexuelle — " +
            (departement ? departement->name : "") + " (" + l.commission.departement + ")";
        m.date = FormatFrenchDate(StoredDate(l.seance.date));
        m.place = l.seance.place.empty() ? "Visioconférence" : l.seance.place;
        if (l.seance.video_link && !l.seance.place.empty()) m.place += " et visioconférence";
        if (l.seance.convocation_sent_on) {
            m.convocation_date = FormatFrenchDate(StoredDate(*l.seance.convocation_sent_on));
        }
        m.second_convocation = l.seance.second_convocation;
        m.quorum_reached = q.reached;
        m.members_in_office = q.in_office;
        m.members_present_or_represented = q.present_or_represented;
        for (const auto& a : AttendanceJson(*uow, l)) {
            std::string status = "Non renseigné";
            if (a["status"] == "present") status = "Présent";
            if (a["status"] == "absent") status = "Absent";
            if (a["status"] == "excused") status = "Excusé";
            if (a["status"] == "represented") {
                status = "Représenté par " + a["represented_by"].get<std::string>();
            }
            std::string category;
            for (const auto& c : domain::MemberCategoriesOn(StoredDate(l.seance.date)).categories) {
                if (c.code == a["category"]) category = std::string(c.label);
            }
            if (!a["titular"].get<bool>()) category += " (suppléant)";
            m.attendance.push_back({a["name"].get<std::string>(), category,
                                    a["organisation"].get<std::string>(), status});
        }
        for (const auto& item : uow->Commission().ListAgenda(l.seance.id)) {
            if (item.state == "withdrawn") continue;
            TabledDemande t = LoadTabled(*uow, item.demande_id);
            MinutesItem entry;
            entry.pseudonym = PseudonymShown(t);
            entry.kind = KindLabel(t.demande);
            entry.association = AssociationName(*uow, t.parcours.association_id);
            entry.avis = std::string(domain::AvisLabel(item.avis_outcome.value_or("")));
            if (item.avis_outcome) {
                Json avis = AvisJson(ports, item, l.seance.date);
                entry.reasons = avis["reasons"].get<std::string>();
                entry.votes_for = item.votes_for.value_or(0);
                entry.votes_against = item.votes_against.value_or(0);
                entry.abstentions = item.abstentions.value_or(0);
                for (const auto& r : avis["recused"]) {
                    entry.recused.push_back(r["name"].get<std::string>() + " — " +
                                            r["reason"].get<std::string>());
                }
            }
            m.items.push_back(entry);
        }
        m.generated_on = FormatFrenchDate(today);
        PdfFile file{"proces-verbal-seance-" + l.seance.date + ".pdf",
                     ports.documents.MinutesPdf(m)};
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "minutes.generate", "seance", std::to_string(l.seance.id)}, meta,
                    now);
        uow->Commit();
        return file;
    });
}

}  // namespace parcours::usecases
