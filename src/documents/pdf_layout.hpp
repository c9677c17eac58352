#pragma once
// The layout engine behind the PDF documents (documents/pdf_renderer.cpp), for the documents
// library only: A4 geometry and text styles, a document laid out as blocks of rows of
// side-by-side cells (one pango layout each), paginated (no widow, no orphan, headings kept
// with what follows, tables split between rows) and drawn on a cairo PDF surface.
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parcours::documents::pdf {

// ---- RAII for the C libraries ----

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const {
        if (p != nullptr) Free(p);
    }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<&cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<&cairo_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, Deleter<&cairo_font_options_destroy>>;
using FontMapPtr = std::unique_ptr<PangoFontMap, Deleter<&g_object_unref>>;
using ContextPtr = std::unique_ptr<PangoContext, Deleter<&g_object_unref>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<&g_object_unref>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Deleter<&pango_font_description_free>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, Deleter<&pango_layout_iter_free>>;
using GStringPtr = std::unique_ptr<gchar, Deleter<&g_free>>;

// ---- Page geometry, in PDF points (1/72 in) ----

constexpr double kPageWidth = 595.28;   // A4
constexpr double kPageHeight = 841.89;  // A4
constexpr double kMargin = 56.69;       // 2 cm
constexpr double kLeft = kMargin;
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kUsableHeight = kBottom - kTop;
constexpr double kFooterTop = kBottom + 16;  // the footer sits in the bottom margin
constexpr double kEpsilon = 0.01;
constexpr const char* kFontFamily = "DejaVu Sans";

struct Style {
    double size;
    bool bold;
    bool italic;
    PangoAlignment align;
    bool justify;
};

constexpr Style kTitle{16, true, false, PANGO_ALIGN_LEFT, false};
constexpr Style kHeading{12, true, false, PANGO_ALIGN_LEFT, false};
constexpr Style kSubheading{11, true, false, PANGO_ALIGN_LEFT, false};
constexpr Style kBody{10, false, false, PANGO_ALIGN_LEFT, false};
constexpr Style kBodyBold{10, true, false, PANGO_ALIGN_LEFT, false};
constexpr Style kBodyRight{10, false, false, PANGO_ALIGN_RIGHT, false};
constexpr Style kProse{10, false, false, PANGO_ALIGN_LEFT, true};
constexpr Style kTable{9, false, false, PANGO_ALIGN_LEFT, false};
constexpr Style kTableHeader{9, true, false, PANGO_ALIGN_LEFT, false};
constexpr Style kNote{8.5, false, true, PANGO_ALIGN_LEFT, false};
constexpr Style kFooter{8, false, false, PANGO_ALIGN_CENTER, false};

// ---- Text helpers (pdf_layout.cpp) ----

// Pango wants valid UTF-8 without NUL bytes: invalid sequences (and NULs) become U+FFFD.
std::string ValidUtf8(std::string_view text);
std::string_view Trim(std::string_view s);
// The non-blank lines of `text`, trimmed.
std::vector<std::string> NonBlankLines(std::string_view text);
std::string JoinLines(const std::vector<std::string>& lines);
std::string OrDash(std::string_view value);

// ---- Layout model: blocks of rows of side-by-side cells, each cell one pango layout ----

struct Line {
    double top;       // relative to the top of the layout
    double bottom;    // idem
    double baseline;  // idem
    double x;         // offset of the line inside the layout (alignment)
};

struct Cell {
    LayoutPtr layout;
    double x = 0;  // from the left margin
    std::vector<Line> lines;
};

struct Row {
    std::vector<Cell> cells;
    double space_before = 0;  // dropped at the top of a page
    double space_after = 0;
    bool keep_with_next = false;  // a heading: never alone at the bottom of a page
    bool rule_above = false;      // a thin line above the row
};

struct Block {
    std::vector<Row> rows;
    bool keep_together = false;  // starts on a new page when that avoids splitting it
};

// ---- Pagination ----

struct Slice {
    const Row* row;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // lines [first, second) of each cell
    double y;
    bool first;  // the row's first slice
};

using Page = std::vector<Slice>;

// The rows of `blocks` placed on pages.
std::vector<Page> Paginate(const std::deque<Block>& blocks);

// ---- The PDF surface and its text machinery, one per document (pdf_document.cpp) ----

class PdfDocument {
  public:
    PdfDocument(std::string_view title, std::string_view subject);
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // `text` laid out in `style` at `x` from the left margin, `width` wide.
    Cell MakeCell(std::string_view text, const Style& style, double x, double width) const;

    // Paginates the blocks, draws every page and returns the PDF bytes.
    std::string Render(const std::deque<Block>& blocks);

  private:
    void SetMetadata(cairo_pdf_metadata_t key, std::string_view value);
    void DrawSlice(const Slice& slice);
    // Draws lines [from, to) of a cell with the top of line `from` at `y`.
    void DrawLines(const Cell& cell, std::size_t from, std::size_t to, double y);

    // Declared first, destroyed last: the surface writes into it until it is destroyed.
    std::string out_;
    SurfacePtr surface_;
    CairoPtr cr_;
    FontMapPtr font_map_;
    ContextPtr context_;
};

// ---- Building documents (pdf_document.cpp) ----

class Composer {
  public:
    explicit Composer(const PdfDocument& document) : document_(document) {}

    Block& NewBlock(bool keep_together = false);
    // A full-width (or indented) paragraph.
    Row& Paragraph(Block& block,
                   std::string_view text,
                   const Style& style,
                   double space_before = 0,
                   double x = 0,
                   double width = kWidth);
    Row& Heading(Block& block, std::string_view text, const Style& style, double space_before);
    // Each non-blank line of `text` as a paragraph of its own.
    void Paragraphs(Block& block, std::string_view text, const Style& style, double spacing);
    // A label and its value side by side.
    Row& Field(Block& block, std::string_view label, std::string_view value, double label_width);
    // A table row: one cell per column, with the columns' widths.
    Row& TableRow(Block& block,
                  const std::vector<std::string>& texts,
                  const std::vector<double>& widths,
                  const Style& style);

    const std::deque<Block>& Blocks() const { return blocks_; }

  private:
    const PdfDocument& document_;
    std::deque<Block> blocks_;  // a deque: blocks keep their address as others are added
};

}  // namespace parcours::documents::pdf
