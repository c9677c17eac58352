#include "usecases/statistics_store.hpp"

#include <algorithm>
#include <unordered_set>

#include "usecases/context.hpp"

namespace parcours::usecases {

template <class Fact>
void FactTable<Fact>::Reset(std::vector<Keyed<Fact>>&& all) {
    facts_.clear();
    ids_.clear();
    persons_.clear();
    owners_.clear();
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    facts_.reserve(all.size());
    ids_.reserve(all.size());
    persons_.reserve(all.size());
    owners_.reserve(all.size());
    for (auto& keyed : all) Append(std::move(keyed));
}

template <class Fact>
void FactTable<Fact>::Append(Keyed<Fact>&& keyed) {
    // Grown by an eighth, not doubled: the first record added after a full load would otherwise
    // take as much memory again as every fact of its kind (7 MB for the country's demandes).
    if (facts_.size() == facts_.capacity()) {
        const std::size_t capacity = facts_.size() + facts_.size() / 8 + 16;
        facts_.reserve(capacity);
        ids_.reserve(capacity);
        persons_.reserve(capacity);
        owners_.reserve(capacity);
    }
    ids_.push_back(keyed.id);
    persons_.push_back(keyed.person);
    owners_.push_back(keyed.owner);
    facts_.push_back(std::move(keyed.fact));
}

template <class Fact>
void FactTable<Fact>::Replace(const std::vector<long long>& persons,
                              std::vector<Keyed<Fact>>&& fresh) {
    std::unordered_set<long long> fresh_ids;
    fresh_ids.reserve(fresh.size());
    for (const auto& keyed : fresh) fresh_ids.insert(keyed.id);
    // Facts of these persons no longer read: their record is gone, or now another person's.
    std::vector<bool> drop(ids_.size(), false);
    bool dropping = false;
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (std::binary_search(persons.begin(), persons.end(), persons_[i]) &&
            !fresh_ids.count(ids_[i])) {
            drop[i] = true;
            dropping = true;
        }
    }
    const std::size_t sorted = ids_.size();
    bool in_order = true;
    for (auto& keyed : fresh) {
        if (auto at = Find(keyed.id, sorted)) {
            persons_[*at] = keyed.person;
            owners_[*at] = keyed.owner;
            facts_[*at] = std::move(keyed.fact);
            continue;
        }
        // New records usually have the highest ids: added at the end, in order.
        if (!ids_.empty() && keyed.id < ids_.back()) in_order = false;
        Append(std::move(keyed));
        drop.push_back(false);
    }
    if (dropping || !in_order) Reorder(drop);
}

template <class Fact>
std::optional<std::size_t> FactTable<Fact>::Find(long long id, std::size_t sorted) const {
    auto end = ids_.begin() + static_cast<std::ptrdiff_t>(sorted);
    auto it = std::lower_bound(ids_.begin(), end, id);
    if (it == end || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - ids_.begin());
}

// Drops the facts marked and puts the others back in id order.
template <class Fact>
void FactTable<Fact>::Reorder(const std::vector<bool>& drop) {
    std::vector<std::size_t> order;
    order.reserve(ids_.size());
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (!drop[i]) order.push_back(i);
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ids_[a] < ids_[b]; });
    std::vector<Keyed<Fact>> kept;
    kept.reserve(order.size());
    for (std::size_t i : order) {
        kept.push_back({ids_[i], persons_[i], owners_[i], std::move(facts_[i])});
    }
    Reset(std::move(kept));
}

template class FactTable<domain::ReferralFact>;
template class FactTable<domain::AssessmentFact>;
template class FactTable<domain::ParcoursFact>;
template class FactTable<domain::DemandeFact>;

StatisticsStore::StatisticsStore()
    : referrals_(facts_.referrals),
      assessments_(facts_.assessments),
      parcours_(facts_.parcours),
      demandes_(facts_.demandes) {}

StatisticsStore::Counters StatisticsStore::counters() const {
    std::lock_guard lock(mutex_);
    return counters_;
}

void StatisticsStore::FullLoad(Ports& ports, UnitOfWork& uow, long long generation) {
    FactBatch all = LoadFactBatch(ports, uow, nullptr);
    referrals_.Reset(std::move(all.referrals));
    assessments_.Reset(std::move(all.assessments));
    parcours_.Reset(std::move(all.parcours));
    demandes_.Reset(std::move(all.demandes));
    LoadCommissionFacts(uow, facts_);
    loaded_ = true;
    generation_ = generation;
    ++counters_.full_loads;
}

void StatisticsStore::Sync(Ports& ports, UnitOfWork& uow, long long generation) {
    if (loaded_ && generation == generation_) return;
    std::optional<StatisticsChanges> changed;
    if (loaded_) changed = uow.Stats().ChangesSince(generation_, generation);
    if (!changed) return FullLoad(ports, uow, generation);
    if (const auto& persons = changed->persons; !persons.empty()) {
        FactBatch fresh = LoadFactBatch(ports, uow, &persons);
        referrals_.Replace(persons, std::move(fresh.referrals));
        assessments_.Replace(persons, std::move(fresh.assessments));
        parcours_.Replace(persons, std::move(fresh.parcours));
        demandes_.Replace(persons, std::move(fresh.demandes));
        counters_.persons_read += persons.size();
    }
    if (changed->commissions) {
        LoadCommissionFacts(uow, facts_);
        ++counters_.commission_loads;
    }
    generation_ = generation;
    ++counters_.partial_loads;
}

namespace {

template <class Fact, class Keep>
void CopyKept(const FactTable<Fact>& table, std::vector<Fact>& out, Keep&& keep) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (keep(table.fact(i).departement, table.owner(i))) out.push_back(table.fact(i));
    }
}

}  // namespace

void StatisticsStore::With(Ports& ports,
                           UnitOfWork& uow,
                           long long generation,
                           const std::set<std::string>& depts,
                           std::optional<long long> association,
                           bool national,
                           const std::function<void(const domain::StatsFacts&)>& use) {
    std::unique_lock lock(mutex_);
    if (loaded_ && generation < generation_) {
        // This read's snapshot is older than the kept facts (a write committed since it began):
        // its own facts, read from the snapshot, without touching the kept ones.
        lock.unlock();
        StatisticsStore as_of_snapshot;
        return as_of_snapshot.With(ports, uow, generation, depts, association, national, use);
    }
    Sync(ports, uow, generation);
    if (national) return use(facts_);
    domain::StatsFacts scoped;
    auto keep = [&](const std::string& departement, long long owner) {
        return depts.count(departement) > 0 && (!association || owner == *association);
    };
    CopyKept(referrals_, scoped.referrals, keep);
    CopyKept(assessments_, scoped.assessments, keep);
    CopyKept(parcours_, scoped.parcours, keep);
    CopyKept(demandes_, scoped.demandes, keep);
    // An association's activity has no commission; its agréments are its own.
    for (const auto& c : facts_.commissions) {
        if (!association && depts.count(c.departement) > 0) scoped.commissions.push_back(c);
    }
    for (const auto& a : facts_.agrements) {
        if (keep(a.departement, a.association_id)) scoped.agrements.push_back(a);
    }
    use(scoped);
}

}  // namespace parcours::usecases
