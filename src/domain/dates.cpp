#include "domain/dates.hpp"

#include <charconv>
#include <cstdio>

namespace parcours::domain {

namespace {

bool ParseInt(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

}  // namespace

Date AddMonths(Date date, int months) {
    using namespace std::chrono;
    year_month ym = year_month{date.year(), date.month()} + std::chrono::months{months};
    year_month_day_last last{ym.year(), month_day_last{ym.month()}};
    day d = date.day() > last.day() ? last.day() : date.day();
    return year_month_day{ym.year(), ym.month(), d};
}

Date TermEnd(Date start, int months) {
    using namespace std::chrono;
    year_month target = year_month{start.year(), start.month()} + std::chrono::months{months};
    year_month_day same_day{target.year(), target.month(), start.day()};
    if (!same_day.ok()) {
        return year_month_day{year_month_day_last{target.year(), month_day_last{target.month()}}};
    }
    return year_month_day{sys_days{same_day} - days{1}};
}

std::optional<Date> ParseIsoDate(std::string_view text) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!ParseInt(text.substr(0, 4), y) || !ParseInt(text.substr(5, 2), m) ||
        !ParseInt(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string FormatIsoDate(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

std::string FormatFrenchDate(Date date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return buf;
}

std::string FormatInstant(Instant instant) {
    using namespace std::chrono;
    auto day_point = floor<days>(instant);
    year_month_day ymd{day_point};
    hh_mm_ss hms{instant - day_point};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::optional<Instant> ParseInstant(std::string_view text) {
    using namespace std::chrono;
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z') {
        return std::nullopt;
    }
    auto date = ParseIsoDate(text.substr(0, 10));
    int h = 0;
    int mi = 0;
    int s = 0;
    if (!date || !ParseInt(text.substr(11, 2), h) || !ParseInt(text.substr(14, 2), mi) ||
        !ParseInt(text.substr(17, 2), s) || h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    return sys_days{*date} + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace parcours::domain
