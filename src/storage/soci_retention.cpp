// RetentionRepository on SOCI (docs/retention.md): the dates the retention rule reads, in bulk,
// and the writes that archive and anonymise a person's file. One SQL for both engines.
#include <map>

#include "storage/soci_helpers.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using usecases::RetentionParcoursRow;
using usecases::RetentionPersonRow;

namespace {

struct PersonDatesRow {
    RetentionPersonRow r;
    Nullable<std::string> archived_on;
    void Define(soci::statement& st) {
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.pseudonym));
        st.exchange(soci::into(archived_on.value, archived_on.ind));
        st.exchange(soci::into(r.created_at));
    }
    RetentionPersonRow Get() const {
        RetentionPersonRow out = r;
        out.archived_on = archived_on.get();
        return out;
    }
};

struct ParcoursDatesRow {
    long long person_id = 0;
    RetentionParcoursRow r;
    Nullable<std::string> exit_date, last_event;
    void Define(soci::statement& st) {
        st.exchange(soci::into(person_id));
        st.exchange(soci::into(r.id));
        st.exchange(soci::into(r.state));
        st.exchange(soci::into(exit_date.value, exit_date.ind));
        st.exchange(soci::into(last_event.value, last_event.ind));
    }
    std::pair<long long, RetentionParcoursRow> Get() const {
        RetentionParcoursRow out = r;
        out.exit_date = exit_date.get();
        out.last_event_date = last_event.get();
        return {person_id, out};
    }
};

struct ActivityRow {
    long long person_id = 0;
    Nullable<std::string> date;
    void Define(soci::statement& st) {
        st.exchange(soci::into(person_id));
        st.exchange(soci::into(date.value, date.ind));
    }
    std::pair<long long, std::optional<std::string>> Get() const { return {person_id, date.get()}; }
};

const Binder kNoBinding = [](soci::statement&) {};

// The parcours ids of a person, as a sub-select.
constexpr const char* kParcoursOf = "(SELECT id FROM parcours WHERE person_id = :p)";

}  // namespace

std::vector<RetentionPersonRow> SociUnitOfWork::ListRetentionPersons() {
    auto persons = QueryRows<PersonDatesRow>(
        sql(),
        "SELECT id, pseudonym, archived_on, created_at FROM persons WHERE anonymised_on IS NULL "
        "ORDER BY id",
        kNoBinding);
    std::map<long long, std::size_t> index;
    for (std::size_t i = 0; i < persons.size(); ++i) index[persons[i].id] = i;
    auto parcours = QueryRows<ParcoursDatesRow>(
        sql(),
        "SELECT p.person_id, p.id, p.state, p.exit_date, (SELECT MAX(e.date) FROM parcours_events "
        "e WHERE e.parcours_id = p.id) FROM parcours p JOIN persons s ON s.id = p.person_id "
        "WHERE s.anonymised_on IS NULL ORDER BY p.id",
        kNoBinding);
    for (auto& [person_id, row] : parcours) {
        auto it = index.find(person_id);
        if (it != index.end()) persons[it->second].parcours.push_back(row);
    }
    auto activity = QueryRows<ActivityRow>(
        sql(),
        "SELECT person_id, MAX(date) FROM referrals GROUP BY person_id UNION ALL "
        "SELECT person_id, MAX(date) FROM assessments GROUP BY person_id UNION ALL "
        "SELECT p.person_id, MAX(f.date) FROM followups f JOIN parcours p ON p.id = f.parcours_id "
        "GROUP BY p.person_id UNION ALL "
        "SELECT p.person_id, MAX(e.date) FROM parcours_events e JOIN parcours p ON "
        "p.id = e.parcours_id GROUP BY p.person_id",
        kNoBinding);
    for (auto& [person_id, date] : activity) {
        auto it = index.find(person_id);
        if (it != index.end() && date) persons[it->second].activity_dates.push_back(*date);
    }
    return persons;
}

void SociUnitOfWork::MarkArchived(long long person_id, const std::string& on) {
    sql() << "UPDATE persons SET archived_on = :on WHERE id = :id AND archived_on IS NULL",
        soci::use(on), soci::use(person_id);
}

void SociUnitOfWork::MarkAnonymised(long long person_id,
                                    const std::string& statistics_enc,
                                    const std::string& on) {
    sql() << "UPDATE persons SET identity_enc = '', protected_enc = '', duplicate_key = '', "
             "statistics_enc = :s, anonymised_on = :on, archived_on = COALESCE(archived_on, :on2) "
             "WHERE id = :id",
        soci::use(statistics_enc), soci::use(on), soci::use(on), soci::use(person_id);
}

void SociUnitOfWork::EraseCaseText(long long person_id) {
    const std::string parcours_of = kParcoursOf;
    const std::string demandes_of =
        "(SELECT id FROM demandes WHERE parcours_id IN " + parcours_of + ")";
    const std::string decisions_of =
        "(SELECT id FROM decisions WHERE parcours_id IN " + parcours_of + ")";
    const std::string statements[] = {
        "UPDATE referrals SET notes_enc = '' WHERE person_id = :p",
        "UPDATE assessments SET answers_enc = '' WHERE person_id = :p",
        "UPDATE parcours_documents SET content_enc = '' WHERE parcours_id IN " + parcours_of,
        "UPDATE followups SET content_enc = '' WHERE parcours_id IN " + parcours_of,
        "UPDATE demandes SET content_enc = '', returned_enc = NULL, avis_reasons = NULL, "
        "decision_reasons = NULL WHERE parcours_id IN " +
            parcours_of,
        "UPDATE agenda_items SET avis_reasons_enc = NULL WHERE demande_id IN " + demandes_of,
        "UPDATE decisions SET reasons_enc = '' WHERE parcours_id IN " + parcours_of +
            " AND reasons_enc <> ''",
        "UPDATE appeals SET notes_enc = '' WHERE decision_id IN " + decisions_of,
        "UPDATE parcours_events SET reasons = '' WHERE parcours_id IN " + parcours_of +
            " AND reasons <> ''",
    };
    for (const std::string& statement : statements) {
        sql() << statement, soci::use(person_id, "p");
    }
}

}  // namespace parcours::storage
