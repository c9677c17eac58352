// The public information texts (content/info/<lang>.json) are complete in every language, and
// each language's one-page leaflet holds its own title in its own script.
#include <gtest/gtest.h>

#include "documents/pdf_renderer.hpp"
#include "documents/pdf_test_support.hpp"
#include "usecases/info_content.hpp"

namespace parcours::documents {
namespace {

const std::vector<std::string> kLanguages = {"fr", "en", "es", "pt", "ro", "bg", "ar", "zh"};

usecases::LeafletData LeafletOf(const std::string& lang) {
    auto content = usecases::InfoContent(lang);
    if (!content) throw std::runtime_error("no content/info/" + lang + ".json");
    usecases::LeafletData data;
    data.lang = lang;
    data.right_to_left = (*content)["dir"] == "rtl";
    data.title = (*content)["leaflet"]["title"];
    for (const auto& line : (*content)["leaflet"]["lines"]) data.lines.push_back(line);
    data.contact = (*content)["leaflet"]["contact"];
    return data;
}

TEST(InfoContent, EveryLanguageHasEveryKeyOfTheFrenchReferenceAndNoEmptyText) {
    auto reference = usecases::InfoContent("fr");
    ASSERT_TRUE(reference) << "content/info/fr.json is the reference";
    EXPECT_EQ(usecases::EmbeddedInfoContent().size(), kLanguages.size());
    for (const auto& lang : kLanguages) {
        auto text = usecases::InfoContent(lang);
        ASSERT_TRUE(text) << "content/info/" << lang << ".json is missing";
        auto gaps = usecases::InfoContentGaps(*reference, *text);
        std::string listed;
        for (const auto& gap : gaps) listed += "\n  " + gap;
        EXPECT_TRUE(gaps.empty()) << lang << ":" << listed;
        EXPECT_EQ((*text)["lang"], lang);
        EXPECT_EQ((*text)["dir"], lang == "ar" ? "rtl" : "ltr") << lang;
    }
}

TEST(InfoContent, TheGapFinderNamesAMissingKeyAShorterListAndAnEmptyText) {
    auto reference = nlohmann::json::parse(R"({"a": "x", "b": ["1", "2"], "c": {"d": "y"}})");
    auto text = nlohmann::json::parse(R"({"b": ["1"], "c": {"d": " "}, "e": "z"})");
    auto gaps = usecases::InfoContentGaps(reference, text);
    EXPECT_EQ(gaps, (std::vector<std::string>{"/a (missing)", "/b (length)", "/c/d (empty)",
                                              "/e (extra)"}));
}

TEST(InfoContent, NoTextSpeaksOfVictimsOrBlames) {
    // The seeds advise words that neither victimise nor blame: the French reference is checked
    // for the words to avoid.
    auto fr = usecases::InfoContent("fr")->dump();
    for (const char* word : {"victime", "Victime", "faute", "honte"}) {
        EXPECT_EQ(fr.find(word), std::string::npos) << word;
    }
}

TEST(Leaflet, EachLanguageFitsOnOnePageAndHoldsItsTitleInItsScript) {
    CairoPdfRenderer renderer;
    for (const auto& lang : kLanguages) {
        auto data = LeafletOf(lang);
        std::string pdf = renderer.LeafletPdf(data);
        std::string info = Poppler(pdf, "pdfinfo", "");
        EXPECT_NE(Normalized(info).find("Pages: 1 "), std::string::npos) << lang << "\n" << info;
        std::string text = Normalized(Poppler(pdf, "pdftotext", "-"));
        if (lang == "ar") {
            // Arabic letters are in U+0600–U+06FF: UTF-8 lead bytes 0xD8–0xDB. The text layer
            // may hold them in visual order, so each word of the title is looked for.
            std::string title = data.title;
            std::size_t start = 0;
            while (start < title.size()) {
                std::size_t end = title.find(' ', start);
                std::string word = title.substr(start, end - start);
                if (word.size() > 2 && word.back() != ':') {
                    EXPECT_NE(text.find(word), std::string::npos) << "ar: " << word;
                }
                if (end == std::string::npos) break;
                start = end + 1;
            }
        } else {
            EXPECT_NE(text.find(Normalized(data.title)), std::string::npos) << lang << "\n" << text;
        }
    }
}

}  // namespace
}  // namespace parcours::documents
