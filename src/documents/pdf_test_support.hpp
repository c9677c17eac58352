#pragma once
// Test support: reads a PDF back with poppler (pdftotext, pdfinfo), as a person's viewer would,
// and checks where its words lie on the page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::documents {

// The PDF in a temporary file, removed on destruction.
class TempPdf {
  public:
    explicit TempPdf(const std::string& pdf) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "parcours-pdf-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        close(fd);
        path_ = pattern;
        std::ofstream(path_, std::ios::binary) << pdf;
    }
    ~TempPdf() { std::filesystem::remove(path_); }
    TempPdf(const TempPdf&) = delete;
    TempPdf& operator=(const TempPdf&) = delete;
    const std::string& Path() const { return path_; }

  private:
    std::string path_;
};

// Runs a poppler tool on the PDF and returns its standard output (its exit status must be 0).
// `output` is "-" (standard output) for pdftotext, "" for pdfinfo.
inline std::string Poppler(const std::string& pdf, const std::string& command, const char* output) {
    TempPdf file(pdf);
    const std::string line = command + " '" + file.Path() + "' " + output + " 2>/dev/null";
    FILE* pipe = popen(line.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + line);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (status != 0) {
        throw std::runtime_error(line + " failed (status " + std::to_string(status) +
                                 "): is poppler-utils installed?");
    }
    return out;
}

inline std::string PdfText(const std::string& pdf) {
    return Poppler(pdf, "pdftotext -layout", "-");
}

// Runs of white space (line breaks included) as one space: text that wraps or is justified
// still reads as a phrase.
inline std::string Normalized(const std::string& text) {
    std::string out;
    bool blank = false;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f' || ch == '\r') {
            blank = true;
            continue;
        }
        if (blank && !out.empty()) out += ' ';
        blank = false;
        out += ch;
    }
    return out;
}

// How many times `needle` occurs in `haystack`.
inline std::size_t Count(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}

struct Word {
    double x_min, y_min, x_max, y_max;
    std::string text;
};

// The words of `pdftotext -bbox` output: <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>
inline std::vector<Word> Words(const std::string& pdf) {
    const std::string html = Poppler(pdf, "pdftotext -bbox", "-");
    const auto attribute = [](std::string_view tag, std::string_view name) {
        const auto at = tag.find(std::string(name) + "=\"");
        if (at == std::string_view::npos) throw std::runtime_error("no " + std::string(name));
        return std::stod(std::string(tag.substr(at + name.size() + 2)));
    };
    std::vector<Word> words;
    for (auto at = html.find("<word "); at != std::string::npos; at = html.find("<word ", at)) {
        const auto tag_end = html.find('>', at);
        const auto close = html.find("</word>", tag_end);
        if (tag_end == std::string::npos || close == std::string::npos) break;
        const std::string_view tag(html.data() + at, tag_end - at);
        words.push_back(Word{attribute(tag, "xMin"), attribute(tag, "yMin"), attribute(tag, "xMax"),
                             attribute(tag, "yMax"),
                             html.substr(tag_end + 1, close - tag_end - 1)});
        at = close;
    }
    return words;
}

// Every word lies inside the margins (2 cm, with a little tolerance for glyph bounding boxes);
// only the footer ("Page N / M") lies in the bottom margin, below the text.
inline void ExpectNothingClipped(const std::string& pdf) {
    constexpr double kMargin = 56.69;
    constexpr double kWidth = 595.28;
    constexpr double kHeight = 841.89;
    constexpr double kTolerance = 3;
    const auto words = Words(pdf);
    ASSERT_FALSE(words.empty());
    for (const auto& w : words) {
        EXPECT_GE(w.x_min, kMargin - kTolerance) << w.text;
        EXPECT_LE(w.x_max, kWidth - kMargin + kTolerance) << w.text;
        EXPECT_GE(w.y_min, kMargin - kTolerance) << w.text;
        const bool footer = w.y_min > kHeight - kMargin;
        if (footer) {
            EXPECT_LE(w.y_max, kHeight - 20) << w.text;
        } else {
            EXPECT_LE(w.y_max, kHeight - kMargin + kTolerance) << w.text;
        }
    }
}

}  // namespace parcours::documents
