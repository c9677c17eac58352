// The TOML configuration, from its text: LoadConfig reads the file, the fuzzer (tests/fuzz) feeds
// this directly.
#include <toml++/toml.h>

#include <charconv>
#include <optional>

#include "cli/app.hpp"

namespace parcours::cli {

namespace {

bool IsNonAscii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}

// toml++ 3.3 (Debian 12) reaches __builtin_unreachable when it meets some non-ASCII characters
// where it looks for whitespace (marzer/tomlplusplus#190 and #295, fixed upstream by PR #305):
// found by tests/fuzz. TOML allows non-ASCII text only inside strings and comments, and never
// right after a backslash (a quote after a bare value does not open a string), so the line of any
// other non-ASCII character is returned here, and the configuration refused, before toml++ reads
// it.
std::optional<int> NonAsciiOutsideText(std::string_view text) {
    int line = 1;
    std::size_t i = 0;
    char previous = '\n';  // the last character outside text (' ' after a bare value)
    auto at = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
    // At a backslash of a basic string: an escape, or a line-ending backslash and the whitespace
    // it trims. False when a non-ASCII character follows.
    auto skip_escape = [&]() -> bool {
        std::size_t escaped = ++i;
        while (i < text.size() && std::string_view(" \t\r\n").find(text[i]) != text.npos) {
            if (text[i++] == '\n') ++line;
        }
        if (i < text.size() && IsNonAscii(text[i])) return false;
        if (i == escaped) ++i;  // the escaped character, which may be a quote
        return true;
    };
    while (i < text.size()) {
        char c = text[i];
        bool opens = std::string_view("\n=[,{.").find(previous) != std::string_view::npos;
        // Whatever follows a bare value without a blank (1[, x") is part of it for toml++.
        bool bare = std::string_view("\n=[]{},.\"'# ").find(previous) == std::string_view::npos;
        if (c == '\n') {
            previous = '\n';
        } else if (c == ' ' || c == '\t') {
            if (bare) previous = ' ';
        } else if (c != '#') {
            previous = bare ? 'x' : c;
        }
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (opens && (at(R"(""")") || at("'''"))) {
            std::string_view close = text.substr(i, 3);
            for (i += 3; i < text.size() && !at(close);) {
                if (c == '"' && text[i] == '\\') {
                    if (!skip_escape()) return line;
                } else if (text[i++] == '\n') {
                    ++line;
                }
            }
            i += 3;
            for (int extra = 0; extra < 2 && i < text.size() && text[i] == c; ++extra) ++i;
        } else if (opens && (c == '"' || c == '\'')) {
            for (++i; i < text.size() && text[i] != c && text[i] != '\n';) {
                if (c == '"' && text[i] == '\\') {
                    if (!skip_escape()) return line;
                } else {
                    ++i;
                }
            }
            if (i < text.size() && text[i] == c) ++i;
        } else if (IsNonAscii(c)) {
            return line;
        } else {
            ++i;
        }
    }
    return std::nullopt;
}

}  // namespace

Config LoadConfigText(std::string_view text, const std::string& source, Config config) {
    if (auto line = NonAsciiOutsideText(text)) {
        throw std::runtime_error("cannot read the configuration " + source + ": line " +
                                 std::to_string(*line) +
                                 ": a non-ASCII character outside a string or a comment");
    }
    toml::table table;
    try {
        table = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw std::runtime_error("cannot read the configuration " + source + ": " +
                                 std::string(e.description()));
    }
    config.db = table["database"]["url"].value_or(config.db);
    config.pool_size = table["database"]["pool_size"].value_or(config.pool_size);
    config.keys_file = table["security"]["keys_file"].value_or(config.keys_file);
    config.security.session_idle = std::chrono::minutes(
        table["security"]["session_idle_minutes"].value_or(config.security.session_idle.count()));
    config.security.session_absolute =
        std::chrono::hours(table["security"]["session_absolute_hours"].value_or(
            config.security.session_absolute.count()));
    std::string listen = table["server"]["listen"].value_or(std::string());
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
    config.http.web_root = table["server"]["web_root"].value_or(config.http.web_root);
    config.http.threads = table["server"]["threads"].value_or(config.http.threads);
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
    config.smtp.url = table["smtp"]["url"].value_or(std::string());
    config.smtp.from = table["smtp"]["from"].value_or(std::string("parcours@localhost"));
    config.smtp.username = table["smtp"]["username"].value_or(std::string());
    config.smtp.password = table["smtp"]["password"].value_or(std::string());
    config.app_url = table["smtp"]["app_url"].value_or(std::string());
    if (!config.smtp.url.empty() && config.smtp.url.rfind("smtp://", 0) != 0 &&
        config.smtp.url.rfind("smtps://", 0) != 0) {
        throw std::runtime_error("smtp.url must start with smtp:// or smtps:// in " + source);
    }
    if (config.security.session_idle.count() < 1 || config.security.session_absolute.count() < 1) {
        throw std::runtime_error(
            "security.session_idle_minutes and session_absolute_hours must be positive in " +
            source);
    }
    if (config.pool_size < 1 || config.http.threads < 1) {
        throw std::runtime_error("database.pool_size and server.threads must be positive");
    }
    return config;
}

}  // namespace parcours::cli
