#include "documents/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace parcours::documents {

namespace {

// libxlsxwriter writes to a file: a private temporary one, removed whatever happens.
class TempFile {
  public:
    TempFile() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "parcours-xlsx-XXXXXX").string();
        int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
        close(fd);
        path_ = pattern;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

std::string SheetName(std::string name) {
    for (char& c : name) {
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    }
    // 31 characters at most, without cutting a UTF-8 sequence.
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) {
            if (chars == 31) break;
            ++chars;
        }
    }
    return name.substr(0, i);
}

}  // namespace

std::string XlsxWriter::Xlsx(const usecases::Workbook& book) {
    TempFile file;
    lxw_workbook* wb = workbook_new(file.path().c_str());
    if (!wb) throw std::runtime_error("xlsx: cannot open the workbook");
    // libxlsxwriter 1.1 takes non-const char* (and only reads them).
    std::string title = book.title;
    std::string author = "Parcours";
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    workbook_set_properties(wb, &properties);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xE3E3FD);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    for (const auto& sheet : book.sheets) {
        std::string name = SheetName(sheet.name);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        if (!ws) throw std::runtime_error("xlsx: bad sheet name");
        for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
            auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(ws, 0, col, sheet.headers[c].c_str(), header);
            double width = c < sheet.column_widths.size() ? sheet.column_widths[c] : 14;
            worksheet_set_column(ws, col, col, width, wrap);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                auto col = static_cast<lxw_col_t>(c);
                const auto& cell = sheet.rows[r][c];
                if (const auto* text = std::get_if<std::string>(&cell)) {
                    worksheet_write_string(ws, row, col, text->c_str(), nullptr);
                } else if (const auto* number = std::get_if<double>(&cell)) {
                    worksheet_write_number(ws, row, col, *number, nullptr);
                }
            }
        }
        if (!sheet.headers.empty() && !sheet.rows.empty()) {
            worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.headers.size() - 1));
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write");
    std::ifstream in(file.path(), std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace parcours::documents
