#pragma once
// The public information texts for the persons concerned (content/info/<lang>.json), embedded at
// build time. French is the reference: every other file has the same keys and list lengths.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace parcours::usecases {

struct InfoContentFile {
    const char* lang;  // "fr", "ar", …
    const char* json;
};

const std::vector<InfoContentFile>& EmbeddedInfoContent();

// The parsed texts of a language, or nothing for a language without a file.
std::optional<nlohmann::json> InfoContent(const std::string& lang);

// Where `text` differs in shape from `reference` (a key missing or extra, a list of another
// length, an empty text, a value of another type), as JSON paths; empty when complete.
std::vector<std::string> InfoContentGaps(const nlohmann::json& reference,
                                         const nlohmann::json& text,
                                         const std::string& path = "");

}  // namespace parcours::usecases
