// The TOML configuration, from its text: LoadConfig reads the file, the fuzzer (tests/fuzz) feeds
// this directly.
#include <toml++/toml.h>

#include <charconv>
#include <optional>
#include <string>
#include <utility>

#include "cli/app.hpp"
#include "domain/utf8.hpp"

namespace parcours::cli {

namespace {

using domain::AppendUtf8;
using domain::DecodeUtf8;

// toml++ 3.3 (Debian 12) reaches __builtin_unreachable when it meets some non-ASCII characters
// where it looks for whitespace (marzer/tomlplusplus#190 and #295, fixed upstream by PR #305):
// `is_non_ascii_horizontal_whitespace` answers only for U+00A0 and U+3000 and U+FEFF and a few
// ranges, and is undefined for the rest of U+00A1…U+FEFE — 'é' included. tests/fuzz found it
// in five places of the parser (after a value, after a line-ending backslash, …), so instead of
// guessing where toml++ looks, no such character reaches it: before parsing, every code point
// from U+0080 to U+FFFF but U+FEFF is moved to the private-use plane 15 (U+F0000 + c), above
// U+FEFF, where the test answers "not whitespace" at once; the strings read back are moved home.
// Outside strings and comments such a character is an error either way. Plane 15 itself, which
// no configuration has any use for, is refused.
constexpr char32_t kMovedBase = 0xF0000;

bool Moved(char32_t c) {
    return c >= 0x80 && c <= 0xFFFF && c != 0xFEFF;
}

// The text toml++ may read; invalid UTF-8 is left as it is, for toml++ to refuse.
std::string OutOfTomlppReach(std::string_view text, const std::string& source) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    int line = 1;
    for (std::size_t i = 0; i < text.size();) {
        auto decoded = DecodeUtf8(text, i);
        if (!decoded) {  // for toml++ to refuse
            out += text[i++];
            continue;
        }
        auto [c, length] = *decoded;
        if (c == U'\n') ++line;
        if (c >= kMovedBase && c < kMovedBase + 0x10000) {
            throw std::runtime_error("cannot read the configuration " + source + ": line " +
                                     std::to_string(line) +
                                     ": a private-use character (U+F0000 to U+FFFFF)");
        }
        AppendUtf8(out, Moved(c) ? kMovedBase + c : c);
        i += length;
    }
    return out;
}

// A string toml++ read, with its characters back where they were.
std::string BroughtBack(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto decoded = DecodeUtf8(text, i);
        if (!decoded) {
            out += text[i++];
            continue;
        }
        auto [c, length] = *decoded;
        AppendUtf8(out, c >= kMovedBase && Moved(c - kMovedBase) ? c - kMovedBase : c);
        i += length;
    }
    return out;
}

}  // namespace

Config LoadConfigText(std::string_view text, const std::string& source, Config config) {
    toml::table table;
    try {
        table = toml::parse(OutOfTomlppReach(text, source), source);
    } catch (const toml::parse_error& e) {
        throw std::runtime_error("cannot read the configuration " + source + ": line " +
                                 std::to_string(e.source().begin.line) + ": " +
                                 BroughtBack(e.description()));
    }
    auto text_of = [](toml::node_view<toml::node> node, const std::string& fallback) {
        auto value = node.value<std::string>();
        return value ? BroughtBack(*value) : fallback;
    };
    config.db = text_of(table["database"]["url"], config.db);
    config.pool_size = table["database"]["pool_size"].value_or(config.pool_size);
    config.keys_file = text_of(table["security"]["keys_file"], config.keys_file);
    config.security.session_idle = std::chrono::minutes(
        table["security"]["session_idle_minutes"].value_or(config.security.session_idle.count()));
    config.security.session_absolute =
        std::chrono::hours(table["security"]["session_absolute_hours"].value_or(
            config.security.session_absolute.count()));
    std::string listen = text_of(table["server"]["listen"], "");
    if (!listen.empty()) {
        auto colon = listen.rfind(':');
        if (colon == std::string::npos) {
            throw std::runtime_error("server.listen must be HOST:PORT in " + source);
        }
        // Found by tests/fuzz: std::stoi threw a bare "stoi" on a port that is not a number, and
        // let 0 or 99999 through.
        int port = 0;
        const char* end = listen.data() + listen.size();
        auto [ptr, ec] = std::from_chars(listen.data() + colon + 1, end, port);
        if (ec != std::errc{} || ptr != end || port < 1 || port > 65535) {
            throw std::runtime_error("server.listen: the port must be from 1 to 65535 in " +
                                     source);
        }
        config.http.host = listen.substr(0, colon);
        config.http.port = port;
    }
    config.http.web_root = text_of(table["server"]["web_root"], config.http.web_root);
    config.http.threads = table["server"]["threads"].value_or(config.http.threads);
    config.http.active_requests =
        table["server"]["active_requests"].value_or(config.http.active_requests);
    config.http.secure_cookies = table["server"]["secure_cookies"].value_or(false);
    config.http.trust_forwarded_for = table["server"]["trust_forwarded_for"].value_or(false);
    config.security.small_cell_threshold =
        table["statistics"]["small_cell_threshold"].value_or(config.security.small_cell_threshold);
    if (config.security.small_cell_threshold < 2) {
        throw std::runtime_error("statistics.small_cell_threshold must be at least 2 in " + source);
    }
    auto& retention = config.security.retention;
    retention.archive_after_months =
        table["retention"]["archive_after_months"].value_or(retention.archive_after_months);
    retention.anonymise_after_months =
        table["retention"]["anonymise_after_months"].value_or(retention.anonymise_after_months);
    if (auto checked = domain::CheckRetentionSettings(retention); !checked) {
        throw std::runtime_error(checked.error().field + " must be from 1 to 1200 months in " +
                                 source);
    }
    config.smtp.url = text_of(table["smtp"]["url"], "");
    config.smtp.from = text_of(table["smtp"]["from"], "parcours@localhost");
    config.smtp.username = text_of(table["smtp"]["username"], "");
    config.smtp.password = text_of(table["smtp"]["password"], "");
    config.app_url = text_of(table["smtp"]["app_url"], "");
    if (!config.smtp.url.empty() && config.smtp.url.rfind("smtp://", 0) != 0 &&
        config.smtp.url.rfind("smtps://", 0) != 0) {
        throw std::runtime_error("smtp.url must start with smtp:// or smtps:// in " + source);
    }
    if (config.security.session_idle.count() < 1 || config.security.session_absolute.count() < 1) {
        throw std::runtime_error(
            "security.session_idle_minutes and session_absolute_hours must be positive in " +
            source);
    }
    if (config.pool_size < 1 || config.http.threads < 1 || config.http.active_requests < 1) {
        throw std::runtime_error(
            "database.pool_size, server.threads and server.active_requests must be positive");
    }
    return config;
}

}  // namespace parcours::cli
