// Fuzz target `date_rules`: the date parsers (domain/dates.cpp) and the period arithmetic of the
// parcours (domain/parcours.cpp). The input is lines of text, as the API receives dates; each line
// that parses as a date starts the next period, each that parses as a signed integer is a number
// of months. Checked, beyond "no crash, no sanitizer report":
// - a parsed date or instant is a valid calendar value and formats back to the same text;
// - AddMonths keeps the day when it exists and otherwise gives the last day of the month;
// - TermEnd(start, m) is the day before AddMonths(start, m), or that day itself when the day
//   number does not exist in the target month (the rule for the 31st);
// - NextPeriod: six-month periods, at most four, never overlapping, with their gap in days;
// - CheckExit and the state machine answer a value for every state and reason.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/parcours.hpp"

namespace {

using namespace parcours::domain;
using std::chrono::days;
using std::chrono::sys_days;

[[noreturn]] void Crash(const char* what, std::string_view line) {
    std::fprintf(stderr, "date_rules: %s (input line: %.*s)\n", what, static_cast<int>(line.size()),
                 line.data());
    std::abort();
}

bool ParseMonths(std::string_view text, int& months) {
    // A signed integer of at most four digits: the rules use 3 to 36 months.
    std::size_t i = text.size() > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    if (text.size() == i || text.size() - i > 4) return false;
    int value = 0;
    for (std::size_t j = i; j < text.size(); ++j) {
        if (text[j] < '0' || text[j] > '9') return false;
        value = value * 10 + (text[j] - '0');
    }
    months = text[0] == '-' ? -value : value;
    return true;
}

void CheckMonths(Date start, int months, std::string_view line) {
    Date added = AddMonths(start, months);
    if (!added.ok()) Crash("AddMonths gave an invalid date", line);
    auto target =
        std::chrono::year_month{start.year(), start.month()} + std::chrono::months{months};
    if (added.year() != target.year() || added.month() != target.month()) {
        Crash("AddMonths left the target month", line);
    }
    std::chrono::year_month_day_last last{target.year(),
                                          std::chrono::month_day_last{target.month()}};
    bool day_exists = start.day() <= last.day();
    if (added.day() != (day_exists ? start.day() : last.day())) Crash("AddMonths day", line);
    Date end = TermEnd(start, months);
    if (!end.ok()) Crash("TermEnd gave an invalid date", line);
    Date expected = day_exists ? Date{sys_days{added} - days{1}} : added;
    if (end != expected) Crash("TermEnd breaks the rule for the 31st", line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<Period> periods;
    std::optional<Date> last_date;
    while (!text.empty()) {
        std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        if (auto instant = ParseInstant(line)) {
            std::string back = FormatInstant(*instant);
            // A leap second (":60") is read as the next minute's first second, which may be in
            // the year 10000 and then outside the format.
            if (line.substr(17, 2) != "60") {
                if (back != line) Crash("instant round trip", line);
                if (!ParseInstant(back)) Crash("a formatted instant does not parse", line);
            }
        }
        int months = 0;
        if (auto date = ParseIsoDate(line)) {
            if (!date->ok()) Crash("ParseIsoDate accepted an invalid date", line);
            if (FormatIsoDate(*date) != line) Crash("date round trip", line);
            if (FormatFrenchDate(*date).size() != 10) Crash("French date is not JJ/MM/AAAA", line);
            CheckMonths(*date, kPeriodMonths, line);
            if (PeriodEnd(*date) != TermEnd(*date, kPeriodMonths)) Crash("PeriodEnd", line);
            last_date = date;

            auto next = NextPeriod(periods, date);
            if (!next) {
                bool full = periods.size() >= static_cast<std::size_t>(kMaxPeriods);
                bool overlaps = !periods.empty() && sys_days{*date} <= sys_days{periods.back().end};
                if (!full && !overlaps) Crash("NextPeriod refused a valid period", line);
                continue;
            }
            const Period& p = next.value();
            if (p.number != static_cast<int>(periods.size()) + 1 || p.number > kMaxPeriods ||
                p.start != *date || p.end != PeriodEnd(*date) || p.end < p.start ||
                p.gap_days_before < 0) {
                Crash("NextPeriod gave a wrong period", line);
            }
            if (!periods.empty() &&
                sys_days{p.start} - sys_days{periods.back().end} != days{p.gap_days_before + 1}) {
                Crash("NextPeriod gap in days", line);
            }
            periods.push_back(p);
            if (MonthsUsed(periods) > kMaxPeriods * kPeriodMonths) Crash("over 24 months", line);
            if (!HasActivePeriod(periods, p.start))
                Crash("a period is not active on its start", line);
        } else if (last_date && ParseMonths(line, months)) {
            CheckMonths(*last_date, months, line);
        } else if (auto reason = FindExitReason(line)) {
            if (ExitReasonName(*reason) != line) Crash("exit reason round trip", line);
            for (int s = 0; s <= static_cast<int>(ParcoursState::kExited); ++s) {
                auto state = static_cast<ParcoursState>(s);
                (void)CheckExit(state, periods, *reason, last_date.value_or(Date{}), true, false);
                (void)CheckExit(state, periods, *reason, last_date.value_or(Date{}), false, true);
            }
        } else if (auto state = FindState(line)) {
            if (StateName(*state) != line) Crash("state round trip", line);
            for (int t = 0; t <= static_cast<int>(Transition::kExit); ++t) {
                for (auto kind : {DemandeKind::kInitiale, DemandeKind::kRenouvellement}) {
                    auto next = Next(*state, static_cast<Transition>(t), kind);
                    if (next && StateName(next.value()).empty()) Crash("unnamed next state", line);
                    if (!next && next.error().message.empty()) Crash("refusal without text", line);
                }
            }
        }
    }
    return 0;
}
