#include <algorithm>
#include <climits>
#include <stdexcept>

#include "documents/pdf_layout.hpp"

namespace parcours::documents::pdf {

namespace {

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

}  // namespace

// ---- PdfDocument ----

PdfDocument::PdfDocument(std::string_view title, std::string_view subject) {
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

Cell PdfDocument::MakeCell(std::string_view text,
                           const Style& style,
                           double x,
                           double width) const {
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

std::string PdfDocument::Render(const std::deque<Block>& blocks) {
    const std::vector<Page> pages = Paginate(blocks);
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

void PdfDocument::SetMetadata(cairo_pdf_metadata_t key, std::string_view value) {
    const std::string valid = ValidUtf8(Trim(value));
    if (!valid.empty()) cairo_pdf_surface_set_metadata(surface_.get(), key, valid.c_str());
}

void PdfDocument::DrawSlice(const Slice& slice) {
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

void PdfDocument::DrawLines(const Cell& cell, std::size_t from, std::size_t to, double y) {
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

// ---- Composer ----

Block& Composer::NewBlock(bool keep_together) {
    blocks_.emplace_back();
    blocks_.back().keep_together = keep_together;
    return blocks_.back();
}

Row& Composer::Paragraph(Block& block,
                         std::string_view text,
                         const Style& style,
                         double space_before,
                         double x,
                         double width) {
    Row row;
    row.space_before = space_before;
    row.cells.push_back(document_.MakeCell(text, style, x, width));
    block.rows.push_back(std::move(row));
    return block.rows.back();
}

Row& Composer::Heading(Block& block,
                       std::string_view text,
                       const Style& style,
                       double space_before) {
    Row& row = Paragraph(block, text, style, space_before);
    row.space_after = 4;
    row.keep_with_next = true;
    return row;
}

void Composer::Paragraphs(Block& block, std::string_view text, const Style& style, double spacing) {
    for (const auto& paragraph : NonBlankLines(text)) {
        Paragraph(block, paragraph, style, spacing);
    }
}

Row& Composer::Field(Block& block,
                     std::string_view label,
                     std::string_view value,
                     double label_width) {
    constexpr double kGap = 8;
    Row row;
    row.space_before = 3;
    row.cells.push_back(document_.MakeCell(label, kBodyBold, 0, label_width));
    row.cells.push_back(
        document_.MakeCell(value, kBody, label_width + kGap, kWidth - label_width - kGap));
    block.rows.push_back(std::move(row));
    return block.rows.back();
}

Row& Composer::TableRow(Block& block,
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

}  // namespace parcours::documents::pdf
