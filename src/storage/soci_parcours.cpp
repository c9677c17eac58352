// CaseRepository on SOCI, part 2: parcours, periods, documents, follow-ups, demandes, events.
#include "storage/soci_helpers.hpp"
#include "storage/soci_mapping.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using namespace usecases;

namespace {

struct ParcoursRow {
    ParcoursRecord r;
    Nullable<std::string> exit_date, exit_reason, exit_outcome;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.person_id));
        st.exchange(soci::into(r.association_id));
        st.exchange(soci::into(r.departement));
        st.exchange(soci::into(r.state));
        st.exchange(soci::into(exit_date.value, exit_date.ind));
        st.exchange(soci::into(exit_reason.value, exit_reason.ind));
        st.exchange(soci::into(exit_outcome.value, exit_outcome.ind));
        st.exchange(soci::into(r.created_at));
        st.exchange(soci::into(r.updated_at));
    }
    ParcoursRecord Get() const {
        ParcoursRecord out = r;
        out.exit_date = exit_date.get();
        out.exit_reason = exit_reason.get();
        out.exit_outcome_enc = exit_outcome.get();
        return out;
    }
};
constexpr const char* kParcoursColumns =
    "SELECT id, person_id, association_id, departement_code, state, exit_date, exit_reason, "
    "exit_outcome_enc, created_at, updated_at FROM parcours ";

struct PeriodRow {
    PeriodRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.parcours_id));
        st.exchange(soci::into(r.number));
        st.exchange(soci::into(r.start_date));
        st.exchange(soci::into(r.end_date));
        st.exchange(soci::into(r.gap_days_before));
        st.exchange(soci::into(r.demande_id));
    }
    PeriodRecord Get() const { return r; }
};

struct DocumentRow {
    DocumentRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.parcours_id));
        st.exchange(soci::into(r.version));
        st.exchange(soci::into(r.period_number));
        st.exchange(soci::into(r.content_enc));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
    }
    DocumentRecord Get() const { return r; }
};
constexpr const char* kDocumentColumns =
    "SELECT parcours_id, version, period_number, content_enc, created_by, created_at "
    "FROM parcours_documents ";

struct FollowupRow {
    FollowupRecord r;
    Nullable<int> action_index;
    int post = 0;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.parcours_id));
        st.exchange(soci::into(r.date));
        st.exchange(soci::into(r.kind));
        st.exchange(soci::into(action_index.value, action_index.ind));
        st.exchange(soci::into(r.content_enc));
        st.exchange(soci::into(post));
        st.exchange(soci::into(r.created_by));
        st.exchange(soci::into(r.created_at));
    }
    FollowupRecord Get() const {
        FollowupRecord out = r;
        out.action_index = action_index.get();
        out.post_parcours = post != 0;
        return out;
    }
};

const Mapping<DemandeRecord>& Demandes() {
    using R = DemandeRecord;
    static const auto m = Mapping<R>("demandes", &R::id)
                              .Col("parcours_id", &R::parcours_id)
                              .Col("kind", &R::kind)
                              .Col("number", &R::number)
                              .Col("state", &R::state)
                              .Col("content_enc", &R::content_enc)
                              .Col("association_favourable", &R::association_favourable)
                              .Col("sworn_statement", &R::sworn_statement)
                              .Col("document_version", &R::document_version)
                              .Col("submitted_at", &R::submitted_at)
                              .Col("avis_outcome", &R::avis_outcome)
                              .Col("avis_reasons", &R::avis_reasons)
                              .Col("avis_date", &R::avis_date)
                              .Col("decision_outcome", &R::decision_outcome)
                              .Col("decision_start", &R::decision_start)
                              .Col("decision_end", &R::decision_end)
                              .Col("decision_reasons", &R::decision_reasons)
                              .Col("decision_notified_on", &R::decision_notified_on)
                              .Col("returned_enc", &R::returned_enc)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

struct EventRow {
    EventRecord r;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.parcours_id));
        st.exchange(soci::into(r.at));
        st.exchange(soci::into(r.date));
        st.exchange(soci::into(r.actor_user_id));
        st.exchange(soci::into(r.actor_role));
        st.exchange(soci::into(r.event_type));
        st.exchange(soci::into(r.from_state));
        st.exchange(soci::into(r.to_state));
        st.exchange(soci::into(r.basis));
        st.exchange(soci::into(r.reasons));
    }
    EventRecord Get() const { return r; }
};

}  // namespace

long long SociUnitOfWork::InsertParcours(const ParcoursRecord& p) {
    return InsertReturningId(
        "INSERT INTO parcours (person_id, association_id, departement_code, state, created_at, "
        "updated_at) VALUES (:p, :a, :d, :s, :c, :u)",
        [&](soci::statement& st) {
            st.exchange(soci::use(p.person_id));
            st.exchange(soci::use(p.association_id));
            st.exchange(soci::use(p.departement));
            st.exchange(soci::use(p.state));
            st.exchange(soci::use(p.created_at));
            st.exchange(soci::use(p.updated_at));
        });
}

std::optional<ParcoursRecord> SociUnitOfWork::FindParcours(long long id) {
    return First(QueryRows<ParcoursRow>(sql(), std::string(kParcoursColumns) + "WHERE id = :id",
                                        [&](soci::statement& st) { st.exchange(soci::use(id)); }));
}

std::vector<ParcoursRecord> SociUnitOfWork::ListParcoursOfPerson(long long person_id) {
    return QueryRows<ParcoursRow>(
        sql(), std::string(kParcoursColumns) + "WHERE person_id = :p ORDER BY id",
        [&](soci::statement& st) { st.exchange(soci::use(person_id)); });
}

std::vector<usecases::PersonCaseSummary> SociUnitOfWork::SummariseCases(
    const std::vector<long long>& person_ids) {
    std::vector<usecases::PersonCaseSummary> out;
    if (person_ids.empty()) return out;
    std::string ids;  // integers from the database, never text from a request
    for (long long id : person_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    usecases::PersonCaseSummary row;
    std::string state;
    soci::indicator state_ind = soci::i_null;
    int assessed = 0;
    int referred = 0;
    soci::statement st =
        (sql().prepare << "SELECT p.id, (SELECT c.state FROM parcours c WHERE c.person_id = p.id "
                          "ORDER BY c.id DESC LIMIT 1), "
                          "CASE WHEN EXISTS (SELECT 1 FROM assessments a WHERE a.person_id = p.id) "
                          "THEN 1 ELSE 0 END, "
                          "CASE WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id) "
                          "THEN 1 ELSE 0 END FROM persons p WHERE p.id IN (" +
                              ids + ")",
         soci::into(row.person_id), soci::into(state, state_ind), soci::into(assessed),
         soci::into(referred));
    if (st.execute(true)) {
        do {
            row.latest_parcours_state = state_ind == soci::i_ok ? state : "";
            row.assessed = assessed != 0;
            row.referred = referred != 0;
            out.push_back(row);
        } while (st.fetch());
    }
    return out;
}

void SociUnitOfWork::UpdateParcours(const ParcoursRecord& p) {
    Nullable<std::string> exit_date(p.exit_date), exit_reason(p.exit_reason),
        exit_outcome(p.exit_outcome_enc);
    sql() << "UPDATE parcours SET state = :s, exit_date = :ed, exit_reason = :er, "
             "exit_outcome_enc = :eo, updated_at = :u WHERE id = :id",
        soci::use(p.state), soci::use(exit_date.value, exit_date.ind),
        soci::use(exit_reason.value, exit_reason.ind),
        soci::use(exit_outcome.value, exit_outcome.ind), soci::use(p.updated_at), soci::use(p.id);
}

void SociUnitOfWork::InsertPeriod(const PeriodRecord& p) {
    sql() << "INSERT INTO periods (parcours_id, number, start_date, end_date, gap_days_before, "
             "demande_id) VALUES (:p, :n, :s, :e, :g, :d)",
        soci::use(p.parcours_id), soci::use(p.number), soci::use(p.start_date),
        soci::use(p.end_date), soci::use(p.gap_days_before), soci::use(p.demande_id);
}

std::vector<PeriodRecord> SociUnitOfWork::ListPeriods(long long parcours_id) {
    return QueryRows<PeriodRow>(
        sql(),
        "SELECT parcours_id, number, start_date, end_date, gap_days_before, demande_id FROM "
        "periods WHERE parcours_id = :p ORDER BY number",
        [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

OpenParcoursDetails SociUnitOfWork::DetailsOfOpenParcours(const ParcoursFilter& filter) {
    const std::string open = "(SELECT id FROM parcours " + OpenParcoursWhere(filter) + ")";
    auto bind = [&](soci::statement& st) { BindOpenParcoursFilter(st, filter); };
    OpenParcoursDetails out;
    struct PseudonymRow {
        std::pair<long long, std::string> r;
        void Define(soci::statement& st) {
            st.exchange(soci::into(r.first));
            st.exchange(soci::into(r.second));
        }
        std::pair<long long, std::string> Get() const { return r; }
    };
    for (auto& [id, pseudonym] : QueryRows<PseudonymRow>(
             sql(),
             "SELECT id, pseudonym FROM persons WHERE id IN (SELECT person_id FROM parcours " +
                 OpenParcoursWhere(filter) + ")",
             bind)) {
        out.pseudonyms[id] = std::move(pseudonym);
    }
    for (auto& period : QueryRows<PeriodRow>(
             sql(),
             "SELECT parcours_id, number, start_date, end_date, gap_days_before, demande_id FROM "
             "periods WHERE parcours_id IN " +
                 open + " ORDER BY parcours_id, number",
             bind)) {
        out.periods[period.parcours_id].push_back(std::move(period));
    }
    struct OpenDemandeRow {
        long long parcours_id = 0;
        usecases::OpenDemande r;
        void Define(soci::statement& st) {
            st.exchange(soci::into(parcours_id));
            st.exchange(soci::into(r.kind));
            st.exchange(soci::into(r.state));
        }
        std::pair<long long, usecases::OpenDemande> Get() const { return {parcours_id, r}; }
    };
    for (auto& [parcours_id, demande] : QueryRows<OpenDemandeRow>(
             sql(),
             "SELECT parcours_id, kind, state FROM demandes WHERE parcours_id IN " + open +
                 " ORDER BY id",
             bind)) {
        out.demandes[parcours_id].push_back(std::move(demande));
    }
    for (auto& document : QueryRows<DocumentRow>(
             sql(),
             std::string(kDocumentColumns) + "WHERE parcours_id IN " + open +
                 " AND version = (SELECT MAX(v.version) FROM parcours_documents v "
                 "WHERE v.parcours_id = parcours_documents.parcours_id)",
             bind)) {
        out.latest_documents[document.parcours_id] = std::move(document);
    }
    for (auto& right : ListRightsOfOpenParcours(filter)) {
        out.rights[right.parcours_id].push_back(std::move(right));
    }
    return out;
}

void SociUnitOfWork::InsertDocument(const DocumentRecord& d) {
    sql() << "INSERT INTO parcours_documents (parcours_id, version, period_number, content_enc, "
             "created_by, created_at) VALUES (:p, :v, :n, :c, :by, :at)",
        soci::use(d.parcours_id), soci::use(d.version), soci::use(d.period_number),
        soci::use(d.content_enc), soci::use(d.created_by), soci::use(d.created_at);
}

std::optional<DocumentRecord> SociUnitOfWork::FindDocument(long long parcours_id,
                                                           std::optional<int> version) {
    std::string query = std::string(kDocumentColumns) + "WHERE parcours_id = :p ";
    query += version ? "AND version = :v" : "ORDER BY version DESC LIMIT 1";
    return First(QueryRows<DocumentRow>(sql(), query, [&](soci::statement& st) {
        st.exchange(soci::use(parcours_id));
        if (version) st.exchange(soci::use(*version));
    }));
}

std::vector<DocumentRecord> SociUnitOfWork::ListDocumentVersions(long long parcours_id) {
    return QueryRows<DocumentRow>(
        sql(), std::string(kDocumentColumns) + "WHERE parcours_id = :p ORDER BY version",
        [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

long long SociUnitOfWork::InsertFollowup(const FollowupRecord& f) {
    Nullable<int> action(f.action_index);
    int post = f.post_parcours ? 1 : 0;
    return InsertReturningId(
        "INSERT INTO followups (parcours_id, date, kind, action_index, content_enc, post_parcours, "
        "created_by, created_at) VALUES (:p, :d, :k, :a, :c, :post, :by, :at)",
        [&](soci::statement& st) {
            st.exchange(soci::use(f.parcours_id));
            st.exchange(soci::use(f.date));
            st.exchange(soci::use(f.kind));
            st.exchange(soci::use(action.value, action.ind));
            st.exchange(soci::use(f.content_enc));
            st.exchange(soci::use(post));
            st.exchange(soci::use(f.created_by));
            st.exchange(soci::use(f.created_at));
        });
}

std::vector<FollowupRecord> SociUnitOfWork::ListFollowups(long long parcours_id) {
    return QueryRows<FollowupRow>(
        sql(),
        "SELECT id, parcours_id, date, kind, action_index, content_enc, post_parcours, created_by, "
        "created_at FROM followups WHERE parcours_id = :p ORDER BY date DESC, id DESC",
        [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

long long SociUnitOfWork::InsertDemande(const DemandeRecord& d) {
    return Demandes().Insert(sql(), d);
}

void SociUnitOfWork::UpdateDemande(const DemandeRecord& d) {
    Demandes().Update(sql(), d);
}

std::optional<DemandeRecord> SociUnitOfWork::FindDemande(long long id) {
    return First(Demandes().Query(sql(), "WHERE id = :id",
                                  [&](soci::statement& st) { st.exchange(soci::use(id)); }));
}

std::vector<DemandeRecord> SociUnitOfWork::ListDemandes(long long parcours_id) {
    return Demandes().Query(sql(), "WHERE parcours_id = :p ORDER BY id",
                            [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

void SociUnitOfWork::InsertEvent(const EventRecord& e) {
    sql() << "INSERT INTO parcours_events (parcours_id, at, date, actor_user_id, actor_role, "
             "event_type, from_state, to_state, basis, reasons) VALUES (:p, :at, :d, :u, :r, "
             ":t, :f, :to, :b, :re)",
        soci::use(e.parcours_id), soci::use(e.at), soci::use(e.date), soci::use(e.actor_user_id),
        soci::use(e.actor_role), soci::use(e.event_type), soci::use(e.from_state),
        soci::use(e.to_state), soci::use(e.basis), soci::use(e.reasons);
}

std::vector<EventRecord> SociUnitOfWork::ListEvents(long long parcours_id) {
    return QueryRows<EventRow>(
        sql(),
        "SELECT id, parcours_id, at, date, actor_user_id, actor_role, event_type, from_state, "
        "to_state, basis, reasons FROM parcours_events WHERE parcours_id = :p ORDER BY id",
        [&](soci::statement& st) { st.exchange(soci::use(parcours_id)); });
}

}  // namespace parcours::storage
