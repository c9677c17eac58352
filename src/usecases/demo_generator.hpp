#pragma once
// The demo generator's inner workings, shared by demo.cpp (the départements, their associations,
// accounts, commissions and séances) and demo_person.cpp (each person's path from referral to
// exit). For usecases/demo.cpp and demo_person.cpp only.
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "usecases/demo.hpp"

namespace parcours::usecases::demo {

using domain::Date;
using Json = nlohmann::json;

inline const RequestMeta kMeta{"demo", "local"};

struct Rng {
    std::mt19937_64 engine;
    explicit Rng(unsigned seed) : engine(seed) {}
    int Between(int lo, int hi) {  // inclusive; the same on every platform
        return lo + static_cast<int>(engine() % static_cast<unsigned long long>(hi - lo + 1));
    }
    bool Chance(int percent) { return Between(1, 100) <= percent; }
    template <class T>
    const T& Pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
    }
};

inline domain::Instant At(Date d) {
    return domain::Instant{std::chrono::sys_days{d}.time_since_epoch() + std::chrono::hours{10}};
}

inline std::string Iso(Date d) {
    return domain::FormatIsoDate(d);
}

// A use case's refusal stops the generator, naming the step: the dataset must follow the rules.
inline Json Must(const domain::Result<Json>& r, const std::string& step) {
    if (!r) {
        throw std::runtime_error("demo: " + step + " refused: " + r.error().message +
                                 (r.error().field.empty() ? "" : " (" + r.error().field + ")"));
    }
    return r.value();
}

struct Account {
    Principal who;
    std::string password;
};

class Generator {
  public:
    Generator(Ports& ports, const DemoSettings& settings, domain::Instant now);
    Json Run();

  private:
    struct Dept {
        std::string code;
        long long commission = 0;
        std::vector<long long> associations;
        std::vector<Account> workers;
        Account instructor;
        Account signatory;
        std::map<std::string, long long> seances;  // date → id
        // Members by cohort (its first day): a new cohort every three years.
        std::map<std::string, std::vector<long long>> state_members;
        std::map<std::string, std::vector<long long>> association_members;
    };

    Account MakeAccount(const std::string& email,
                        const std::string& role,
                        std::optional<long long> association,
                        std::optional<std::string> departement);

    // The cohort of members in office on `date` (appointed on its first day, for three years),
    // created the first time a séance needs it; returns its first day.
    std::string Cohort(Dept& d, Date date);

    // The séance on the 10th of the month following `after`, created (with its attendance) once.
    std::pair<long long, Date> SeanceAfter(Dept& d, Date after);

    std::string Name();

    void Departement(const std::string& code, int persons, int associations);

    void Person(Dept& d, Date t0);

    // Demande after demande until a refusal, an exit, the 24 months, or today.
    void Parcours(Dept& d,
                  const Principal& worker,
                  long long association,
                  long long p,
                  const std::string& status,
                  Date submitted);

    void Rights(const Principal& worker, long long p, const std::string& status, Date start);

    void Exit(const Principal& worker, long long p, Date date, const std::string& reason);

    Ports& ports_;
    Rng rng_;
    Date today_;
    std::string scale_;
    int first_year_ = 2017;
    Date start_;
    std::string password_ = "Démonstration Parcours 2026 !";
    std::string departement_of_association_;
    Account analyst_;
    std::vector<std::pair<std::string, std::string>> printed_;
    std::map<std::string, int> counts_;
};

}  // namespace parcours::usecases::demo
