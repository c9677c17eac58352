#include "documents/pdf_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parcours::documents {

namespace {

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

// ---- Text helpers ----

// Pango wants valid UTF-8 without NUL bytes: invalid sequences (and NULs) become U+FFFD.
std::string ValidUtf8(std::string_view text) {
    if (text.empty()) return {};
    GStringPtr valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return valid ? std::string(valid.get()) : std::string();
}

constexpr std::string_view kBlanks = " \t\r\f\v";

std::string_view Trim(std::string_view s) {
    const auto first = s.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(kBlanks);
    return s.substr(first, last - first + 1);
}

// The non-blank lines of `text`, trimmed.
std::vector<std::string> NonBlankLines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = Trim(text.substr(0, end));
        if (!line.empty()) lines.emplace_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& line : lines) {
        if (!joined.empty()) joined += '\n';
        joined += line;
    }
    return joined;
}

std::string OrDash(std::string_view value) {
    const std::string_view trimmed = Trim(value);
    return trimmed.empty() ? std::string("—") : std::string(trimmed);
}

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

double SpanHeight(const Cell& cell, std::size_t from, std::size_t to) {
    if (from >= to) return 0;
    return cell.lines[to - 1].bottom - cell.lines[from].top;
}

double RemainingHeight(const Row& row, const std::vector<std::size_t>& from) {
    double height = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        height = std::max(height, SpanHeight(row.cells[i], from[i], row.cells[i].lines.size()));
    }
    return height;
}

double RowHeight(const Row& row) {
    return RemainingHeight(row, std::vector<std::size_t>(row.cells.size(), 0));
}

bool Splittable(const Row& row) {
    return row.cells.size() == 1 && row.cells[0].lines.size() >= 4;
}

// The least of a row that may start a page: two lines of a long paragraph, else the whole row.
double MinimumStart(const Row& row) {
    return Splittable(row) ? SpanHeight(row.cells[0], 0, 2) : RowHeight(row);
}

double BlockHeight(const Block& block) {
    double height = 0;
    for (std::size_t i = 0; i < block.rows.size(); ++i) {
        const Row& row = block.rows[i];
        height += row.space_before + RowHeight(row);
        if (i + 1 < block.rows.size()) height += row.space_after;
    }
    return height;
}

std::size_t LinesFitting(const Cell& cell, std::size_t from, double height) {
    std::size_t n = 0;
    while (from + n < cell.lines.size() &&
           SpanHeight(cell, from, from + n + 1) <= height + kEpsilon) {
        ++n;
    }
    return n;
}

// ---- Pagination ----

struct Slice {
    const Row* row;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // lines [first, second) of each cell
    double y;
    bool first;  // the row's first slice
};

using Page = std::vector<Slice>;

class Paginator {
  public:
    std::vector<Page> Run(const std::deque<Block>& blocks) {
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const Block& block = blocks[b];
            if (block.rows.empty()) continue;
            if (block.keep_together && !AtTop()) {
                const double height = BlockHeight(block);
                const double on_fresh_page = height - block.rows.front().space_before;
                if (y_ + height > kBottom + kEpsilon && on_fresh_page <= kUsableHeight) NewPage();
            }
            for (std::size_t r = 0; r < block.rows.size(); ++r) {
                const Row* next = r + 1 < block.rows.size() ? &block.rows[r + 1] : nullptr;
                for (std::size_t n = b + 1; next == nullptr && n < blocks.size(); ++n) {
                    if (!blocks[n].rows.empty()) next = &blocks[n].rows.front();
                }
                PlaceRow(block.rows[r], next);
            }
        }
        return std::move(pages_);
    }

  private:
    bool AtTop() const { return pages_.back().empty(); }

    void NewPage() {
        pages_.emplace_back();
        y_ = kTop;
    }

    void Place(const Row& row,
               const std::vector<std::size_t>& from,
               const std::vector<std::size_t>& to,
               bool first) {
        Slice slice{&row, {}, y_, first};
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            slice.ranges.emplace_back(from[i], to[i]);
        pages_.back().push_back(std::move(slice));
    }

    void PlaceRow(const Row& row, const Row* next) {
        if (row.cells.empty()) return;
        if (row.keep_with_next && next != nullptr && !AtTop()) {
            const double need = row.space_before + RowHeight(row) + row.space_after +
                                next->space_before + MinimumStart(*next);
            if (y_ + need > kBottom + kEpsilon && need - row.space_before <= kUsableHeight) {
                NewPage();
            }
        }
        if (!AtTop()) y_ += row.space_before;

        const std::size_t count = row.cells.size();
        std::vector<std::size_t> from(count, 0);
        std::vector<std::size_t> end(count);
        for (std::size_t i = 0; i < count; ++i) end[i] = row.cells[i].lines.size();
        bool first = true;
        for (;;) {
            const double rest = RemainingHeight(row, from);
            if (y_ + rest <= kBottom + kEpsilon) {
                Place(row, from, end, first);
                y_ += rest;
                break;
            }
            std::vector<std::size_t> take(count);
            for (std::size_t i = 0; i < count; ++i) {
                take[i] = LinesFitting(row.cells[i], from[i], kBottom - y_);
            }
            if (count == 1) {
                // No widow (one line alone at the top of the next page), no orphan (one line
                // alone at the bottom of this page).
                const std::size_t left = end[0] - from[0];
                if (left - take[0] < 2) take[0] = left >= 2 ? std::min(take[0], left - 2) : 0;
                if (!AtTop() && take[0] < 2) take[0] = 0;
            } else if (!AtTop() && rest <= kUsableHeight) {
                std::fill(take.begin(), take.end(), 0);  // a table row moves whole when it can
            }
            const bool any = std::any_of(take.begin(), take.end(), [](auto n) { return n > 0; });
            if (!any) {
                if (!AtTop()) {
                    NewPage();
                    continue;
                }
                // Nothing fits on an empty page (a line taller than a page): place one line anyway.
                for (std::size_t i = 0; i < count; ++i) take[i] = from[i] < end[i] ? 1 : 0;
            }
            std::vector<std::size_t> to(count);
            for (std::size_t i = 0; i < count; ++i) to[i] = from[i] + take[i];
            Place(row, from, to, first);
            first = false;
            from = std::move(to);
            NewPage();
        }
        y_ += row.space_after;
    }

    std::vector<Page> pages_ = std::vector<Page>(1);
    double y_ = kTop;
};

// ---- The PDF surface and its text machinery, one per document ----

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

void Check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("PDF rendering failed (") + what +
                                 "): " + cairo_status_to_string(status));
    }
}

class PdfDocument {
  public:
    PdfDocument(std::string_view title, std::string_view subject) {
        surface_.reset(
            cairo_pdf_surface_create_for_stream(&AppendToString, &out_, kPageWidth, kPageHeight));
        Check(cairo_surface_status(surface_.get()), "surface");
        SetMetadata(CAIRO_PDF_METADATA_TITLE, title);
        SetMetadata(CAIRO_PDF_METADATA_SUBJECT, subject);
        SetMetadata(CAIRO_PDF_METADATA_CREATOR, "Parcours");
        cr_.reset(cairo_create(surface_.get()));
        Check(cairo_status(cr_.get()), "context");

        // A font map of our own: pango font maps are not thread-safe.
        font_map_.reset(pango_cairo_font_map_new());
        if (!font_map_) throw std::runtime_error("PDF rendering failed: no pango font map");
        context_.reset(pango_font_map_create_context(font_map_.get()));
        if (!context_) throw std::runtime_error("PDF rendering failed: no pango context");
        FontOptionsPtr options(cairo_font_options_create());
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        pango_cairo_context_set_font_options(context_.get(), options.get());
        pango_cairo_context_set_resolution(context_.get(), 72.0);  // 1 pt = 1 unit
        pango_context_set_round_glyph_positions(context_.get(), FALSE);
        pango_cairo_update_context(cr_.get(), context_.get());
    }
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    Cell MakeCell(std::string_view text, const Style& style, double x, double width) const {
        Cell cell;
        cell.x = x;
        cell.layout.reset(pango_layout_new(context_.get()));
        PangoLayout* layout = cell.layout.get();
        FontPtr font(pango_font_description_new());
        pango_font_description_set_family(font.get(), kFontFamily);
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(),
                                          style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font.get(),
                                         style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout, font.get());
        pango_layout_set_width(layout, pango_units_from_double(width));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);  // long words break too
        pango_layout_set_alignment(layout, style.align);
        pango_layout_set_justify(layout, style.justify ? TRUE : FALSE);
        const std::string valid = ValidUtf8(text);
        if (valid.size() > static_cast<std::size_t>(INT_MAX)) {
            throw std::length_error("PDF rendering failed: text too long");
        }
        pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));

        LayoutIterPtr iter(pango_layout_get_iter(layout));
        do {
            PangoRectangle logical{};
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            const int baseline = pango_layout_iter_get_baseline(iter.get());
            cell.lines.push_back(Line{
                pango_units_to_double(logical.y), pango_units_to_double(logical.y + logical.height),
                pango_units_to_double(baseline), pango_units_to_double(logical.x)});
        } while (pango_layout_iter_next_line(iter.get()) != FALSE);
        return cell;
    }

    // Paginates the blocks, draws every page and returns the PDF bytes.
    std::string Render(const std::deque<Block>& blocks) {
        const std::vector<Page> pages = Paginator().Run(blocks);
        cairo_t* cr = cr_.get();
        for (std::size_t p = 0; p < pages.size(); ++p) {
            for (const Slice& slice : pages[p]) DrawSlice(slice);
            const std::string number =
                "Page " + std::to_string(p + 1) + " / " + std::to_string(pages.size());
            const Cell footer = MakeCell(number, kFooter, 0, kWidth);
            cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
            DrawLines(footer, 0, footer.lines.size(), kFooterTop);
            cairo_show_page(cr);
            Check(cairo_status(cr), "page");
        }
        cr_.reset();
        cairo_surface_finish(surface_.get());
        Check(cairo_surface_status(surface_.get()), "finish");
        return std::move(out_);
    }

  private:
    void SetMetadata(cairo_pdf_metadata_t key, std::string_view value) {
        const std::string valid = ValidUtf8(Trim(value));
        if (!valid.empty()) cairo_pdf_surface_set_metadata(surface_.get(), key, valid.c_str());
    }

    void DrawSlice(const Slice& slice) {
        cairo_t* cr = cr_.get();
        const Row& row = *slice.row;
        if (slice.first && row.rule_above) {
            const double y = slice.y - std::clamp(row.space_before / 2, 2.0, 6.0);
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, kLeft, y);
            cairo_line_to(cr, kLeft + kWidth, y);
            cairo_stroke(cr);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            DrawLines(row.cells[i], slice.ranges[i].first, slice.ranges[i].second, slice.y);
        }
    }

    // Draws lines [from, to) of a cell with the top of line `from` at `y`.
    void DrawLines(const Cell& cell, std::size_t from, std::size_t to, double y) {
        if (from >= to) return;
        const double origin = cell.lines[from].top;
        LayoutIterPtr iter(pango_layout_get_iter(cell.layout.get()));
        std::size_t index = 0;
        do {
            if (index >= from) {
                const Line& line = cell.lines[index];
                cairo_move_to(cr_.get(), kLeft + cell.x + line.x, y + line.baseline - origin);
                pango_cairo_show_layout_line(cr_.get(),
                                             pango_layout_iter_get_line_readonly(iter.get()));
            }
            ++index;
        } while (index < to && pango_layout_iter_next_line(iter.get()) != FALSE);
    }

    // Declared first, destroyed last: the surface writes into it until it is destroyed.
    std::string out_;
    SurfacePtr surface_;
    CairoPtr cr_;
    FontMapPtr font_map_;
    ContextPtr context_;
};

// ---- Building documents ----

class Composer {
  public:
    explicit Composer(const PdfDocument& document) : document_(document) {}

    Block& NewBlock(bool keep_together = false) {
        blocks_.emplace_back();
        blocks_.back().keep_together = keep_together;
        return blocks_.back();
    }

    // A full-width (or indented) paragraph.
    Row& Paragraph(Block& block,
                   std::string_view text,
                   const Style& style,
                   double space_before = 0,
                   double x = 0,
                   double width = kWidth) {
        Row row;
        row.space_before = space_before;
        row.cells.push_back(document_.MakeCell(text, style, x, width));
        block.rows.push_back(std::move(row));
        return block.rows.back();
    }

    Row& Heading(Block& block, std::string_view text, const Style& style, double space_before) {
        Row& row = Paragraph(block, text, style, space_before);
        row.space_after = 4;
        row.keep_with_next = true;
        return row;
    }

    // Each non-blank line of `text` as a paragraph of its own.
    void Paragraphs(Block& block, std::string_view text, const Style& style, double spacing) {
        for (const auto& paragraph : NonBlankLines(text)) {
            Paragraph(block, paragraph, style, spacing);
        }
    }

    // A label and its value side by side.
    Row& Field(Block& block, std::string_view label, std::string_view value, double label_width) {
        constexpr double kGap = 8;
        Row row;
        row.space_before = 3;
        row.cells.push_back(document_.MakeCell(label, kBodyBold, 0, label_width));
        row.cells.push_back(
            document_.MakeCell(value, kBody, label_width + kGap, kWidth - label_width - kGap));
        block.rows.push_back(std::move(row));
        return block.rows.back();
    }

    // A table row: one cell per column, with the columns' widths.
    Row& TableRow(Block& block,
                  const std::vector<std::string>& texts,
                  const std::vector<double>& widths,
                  const Style& style) {
        constexpr double kGap = 6;
        Row row;
        row.space_before = 4;
        row.rule_above = true;
        double x = 0;
        for (std::size_t i = 0; i < texts.size() && i < widths.size(); ++i) {
            row.cells.push_back(document_.MakeCell(texts[i], style, x, widths[i] - kGap));
            x += widths[i];
        }
        block.rows.push_back(std::move(row));
        return block.rows.back();
    }

    const std::deque<Block>& Blocks() const { return blocks_; }

  private:
    const PdfDocument& document_;
    std::deque<Block> blocks_;  // a deque: blocks keep their address as others are added
};

std::string Plural(int n, std::string_view singular, std::string_view plural) {
    return std::to_string(n) + " " + std::string(n > 1 || n < -1 ? plural : singular);
}

std::string PresentCount(const usecases::MinutesData& m) {
    return Plural(m.members_present_or_represented, "membre présent ou représenté",
                  "membres présents ou représentés") +
           " sur " + std::to_string(m.members_in_office) + " en fonction";
}

}  // namespace

std::string CairoPdfRenderer::MinutesPdf(const usecases::MinutesData& m) {
    const std::string date(Trim(m.date));
    const std::string title =
        date.empty() ? "Procès-verbal de séance" : "Procès-verbal de la séance du " + date;
    PdfDocument document(title, m.commission);
    Composer c(document);

    Block& head = c.NewBlock(true);
    c.Paragraph(head, title, kTitle);
    if (!Trim(m.commission).empty()) c.Paragraph(head, Trim(m.commission), kSubheading, 6);
    constexpr double kLabel = 140;
    if (!Trim(m.place).empty()) c.Field(head, "Lieu :", Trim(m.place), kLabel).space_before = 12;
    if (!Trim(m.convocation_date).empty()) {
        c.Field(head, "Convocation :",
                std::string(Trim(m.convocation_date)) +
                    (m.second_convocation ? " (seconde convocation)" : ""),
                kLabel);
    }
    if (m.quorum_reached) {
        c.Paragraph(head, "Quorum atteint : " + PresentCount(m), kBody, 10);
    } else if (m.second_convocation) {
        c.Paragraph(head, "Quorum non atteint — séance tenue sur seconde convocation", kBody, 10);
        c.Paragraph(head, "(" + PresentCount(m) + ")", kBody, 2);
    } else {
        c.Paragraph(head, "Quorum non atteint : " + PresentCount(m), kBody, 10);
    }

    Block& attendance = c.NewBlock();
    c.Heading(attendance, "Présences", kHeading, 18);
    const std::vector<double> columns{130, 150, 110, kWidth - 390};
    if (m.attendance.empty()) {
        c.Paragraph(attendance, "Aucune présence n'a été enregistrée.", kBody, 2);
    } else {
        c.TableRow(attendance, {"Membre", "Qualité", "Organisme", "Présence"}, columns,
                   kTableHeader)
            .keep_with_next = true;
        for (const auto& a : m.attendance) {
            c.TableRow(
                attendance,
                {OrDash(a.name), OrDash(a.category), OrDash(a.organisation), OrDash(a.status)},
                columns, kTable);
        }
    }

    Block& items_heading = c.NewBlock();
    c.Heading(items_heading, "Demandes examinées", kHeading, 22);
    if (m.items.empty()) {
        c.Paragraph(items_heading, "Aucune demande n'a été examinée au cours de la séance.", kBody,
                    2);
    }
    constexpr double kItemLabel = 110;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const auto& item = m.items[i];
        Block& block = c.NewBlock(true);
        Row& header = c.Paragraph(block, std::to_string(i + 1) + ". " + OrDash(item.pseudonym),
                                  kSubheading, 14);
        header.rule_above = true;
        header.keep_with_next = true;
        header.space_after = 2;
        c.Field(block, "Nature :", OrDash(item.kind), kItemLabel);
        c.Field(block, "Association :", OrDash(item.association), kItemLabel);
        c.Field(block, "Avis :", OrDash(item.avis), kItemLabel);
        c.Field(block, "Votes :",
                "Pour : " + std::to_string(item.votes_for) +
                    " — Contre : " + std::to_string(item.votes_against) +
                    " — Abstentions : " + std::to_string(item.abstentions),
                kItemLabel);
        std::vector<std::string> recused;
        for (const auto& r : item.recused) {
            if (!Trim(r).empty()) recused.emplace_back(Trim(r));
        }
        c.Field(block, "Déports :", recused.empty() ? "Aucun" : JoinLines(recused), kItemLabel);
        if (!NonBlankLines(item.reasons).empty()) {
            c.Heading(block, "Motifs :", kBodyBold, 6).space_after = 0;
            c.Paragraphs(block, item.reasons, kProse, 4);
        }
    }

    Block& closing = c.NewBlock();
    const std::string generated_on(Trim(m.generated_on));
    c.Paragraph(closing,
                (generated_on.empty() ? "Document généré" : "Document généré le " + generated_on) +
                    " — pseudonymes uniquement",
                kNote, 28);
    return document.Render(c.Blocks());
}

std::string CairoPdfRenderer::DecisionLetterPdf(const usecases::DecisionLetterData& l) {
    std::string title(Trim(l.reference));
    if (title.empty()) title = Trim(l.subject);
    if (title.empty()) title = "Décision";
    PdfDocument document(title, l.subject);
    Composer c(document);
    constexpr double kHalf = kWidth / 2;

    Block& letter = c.NewBlock();
    if (!NonBlankLines(l.prefecture).empty()) {
        c.Paragraph(letter, JoinLines(NonBlankLines(l.prefecture)), kHeading, 0, 0, kWidth * 0.6);
    }
    if (!Trim(l.city_date).empty()) c.Paragraph(letter, Trim(l.city_date), kBodyRight, 18);
    if (!Trim(l.reference).empty()) c.Paragraph(letter, Trim(l.reference), kBody, 6);

    // The recipient, on the right half.
    double recipient_space = 24;
    if (!Trim(l.recipient_name).empty()) {
        c.Paragraph(letter, Trim(l.recipient_name), kBodyBold, recipient_space, kHalf, kHalf);
        recipient_space = 2;
    }
    const auto address = NonBlankLines(l.recipient_address);
    if (!address.empty()) {
        c.Paragraph(letter, JoinLines(address), kBody, recipient_space, kHalf, kHalf);
    }

    if (!Trim(l.subject).empty()) c.Paragraph(letter, Trim(l.subject), kBodyBold, 30);
    if (!Trim(l.association).empty()) {
        c.Paragraph(letter, "Association : " + std::string(Trim(l.association)), kBody, 10);
    }
    if (!Trim(l.avis).empty()) {
        c.Paragraph(letter, "Avis de la commission : " + std::string(Trim(l.avis)), kBody, 4);
    }
    double space = 16;
    for (const auto& paragraph : NonBlankLines(l.outcome_sentence)) {
        c.Paragraph(letter, paragraph, kProse, space);
        space = 6;
    }
    if (!Trim(l.period).empty()) {
        c.Paragraph(letter, "Période : " + std::string(Trim(l.period)), kBodyBold, 6);
    }
    if (!NonBlankLines(l.reasons).empty()) {
        c.Heading(letter, "Motifs :", kBodyBold, 16);
        c.Paragraphs(letter, l.reasons, kProse, 6);
    }
    if (!NonBlankLines(l.appeal_notice).empty()) {
        c.Heading(letter, "Voies et délais de recours :", kBodyBold, 16);
        c.Paragraphs(letter, l.appeal_notice, kProse, 6);
    }

    if (!NonBlankLines(l.signatory).empty()) {
        Block& signature = c.NewBlock(true);
        c.Paragraph(signature, JoinLines(NonBlankLines(l.signatory)), kBody, 36, kHalf, kHalf);
    }
    return document.Render(c.Blocks());
}

std::string CairoPdfRenderer::LeafletPdf(const usecases::LeafletData& l) {
    // Large type for reading in the street; pango finds the direction of each paragraph (Arabic
    // right to left) and falls back on a font that has the script (CJK) through fontconfig.
    constexpr Style kLeafletTitle{24, true, false, PANGO_ALIGN_LEFT, false};
    constexpr Style kLeafletLine{14, false, false, PANGO_ALIGN_LEFT, false};
    constexpr Style kLeafletContact{14, true, false, PANGO_ALIGN_LEFT, false};
    PdfDocument document(Trim(l.title), "Parcours de sortie de la prostitution (" + l.lang + ")");
    Composer c(document);
    Block& page = c.NewBlock(true);
    c.Paragraph(page, Trim(l.title), kLeafletTitle);
    double space = 24;
    for (const auto& line : l.lines) {
        if (Trim(line).empty()) continue;
        c.Paragraph(page, Trim(line), kLeafletLine, space);
        space = 12;
    }
    if (!Trim(l.contact).empty()) c.Paragraph(page, Trim(l.contact), kLeafletContact, 28);
    if (!Trim(l.footer).empty()) c.Paragraph(page, Trim(l.footer), kNote, 28);
    return document.Render(c.Blocks());
}

}  // namespace parcours::documents
