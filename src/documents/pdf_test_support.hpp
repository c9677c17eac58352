#pragma once
// Test support: reads a PDF back with poppler (pdftotext, pdfinfo), as a person's viewer would.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

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

}  // namespace parcours::documents
