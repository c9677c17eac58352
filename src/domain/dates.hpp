#pragma once
// Calendar rules. Time is a parameter: nothing here reads the clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace parcours::domain {

using Date = std::chrono::year_month_day;
using Instant = std::chrono::sys_seconds;

// Adds whole months. When the day does not exist in the target month (31 → April, 29 Feb →
// a common year) the result is the last day of that month: a 6-month period that starts on
// 31 August ends on 28/29 February, never in March.
Date AddMonths(Date date, int months);

// The last day of a term of `months` months that starts on `start`: the day before the same
// day-number `months` later; when that day does not exist (a start on 29–31 August for six
// months, on 29 February for three years) the last day of that month.
Date TermEnd(Date start, int months);

std::optional<Date> ParseIsoDate(std::string_view text);  // "AAAA-MM-JJ"
std::string FormatIsoDate(Date date);                     // "2026-11-25"
std::string FormatFrenchDate(Date date);                  // "25/11/2026"

std::string FormatInstant(Instant instant);  // "2026-11-25T03:22:28Z"
std::optional<Instant> ParseInstant(std::string_view text);

}  // namespace parcours::domain
