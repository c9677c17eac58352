// The public information for the persons concerned: the texts of each language
// (content/info/<lang>.json) and the printable one-page leaflet made from them.
#include "usecases/public_info.hpp"

#include "usecases/case_support.hpp"
#include "usecases/info_content.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

std::optional<Json> InfoContent(const std::string& lang) {
    for (const auto& file : EmbeddedInfoContent()) {
        if (lang == file.lang) return Json::parse(file.json);
    }
    return std::nullopt;
}

std::vector<std::string> InfoContentGaps(const Json& reference,
                                         const Json& text,
                                         const std::string& path) {
    std::vector<std::string> gaps;
    auto add = [&](const std::vector<std::string>& more) {
        gaps.insert(gaps.end(), more.begin(), more.end());
    };
    if (reference.type() != text.type()) return {path + " (type)"};
    if (reference.is_object()) {
        for (const auto& [key, value] : reference.items()) {
            if (!text.contains(key)) {
                gaps.push_back(path + "/" + key + " (missing)");
            } else {
                add(InfoContentGaps(value, text[key], path + "/" + key));
            }
        }
        for (const auto& [key, value] : text.items()) {
            if (!reference.contains(key)) gaps.push_back(path + "/" + key + " (extra)");
        }
    } else if (reference.is_array()) {
        if (reference.size() != text.size()) return {path + " (length)"};
        for (std::size_t i = 0; i < reference.size(); ++i) {
            add(InfoContentGaps(reference[i], text[i], path + "/" + std::to_string(i)));
        }
    } else if (text.is_string() &&
               text.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
        gaps.push_back(path + " (empty)");
    }
    return gaps;
}

domain::Result<PdfFile> InfoLeaflet(Ports& ports, const std::string& lang) {
    return Guard([&]() -> domain::Result<PdfFile> {
        auto content = lang.size() <= 3 ? InfoContent(lang) : std::nullopt;
        if (!content) NotFoundError();
        const Json& leaflet = (*content)["leaflet"];
        LeafletData data;
        data.lang = lang;
        data.right_to_left = content->value("dir", "ltr") == "rtl";
        data.title = leaflet.value("title", "");
        for (const auto& line : leaflet.value("lines", Json::array())) {
            if (line.is_string()) data.lines.push_back(line.get<std::string>());
        }
        data.contact = leaflet.value("contact", "");
        data.footer = "Parcours de sortie de la prostitution — loi n° 2016-444 du 13 avril 2016";
        return PdfFile{"parcours-information-" + lang + ".pdf", ports.documents.LeafletPdf(data)};
    });
}

}  // namespace parcours::usecases
