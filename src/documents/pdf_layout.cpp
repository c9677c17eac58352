#include "documents/pdf_layout.hpp"

#include <algorithm>

namespace parcours::documents::pdf {

namespace {

constexpr std::string_view kBlanks = " \t\r\f\v";

// ---- Heights of the layout model ----

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

}  // namespace

// ---- Text helpers ----

std::string ValidUtf8(std::string_view text) {
    if (text.empty()) return {};
    GStringPtr valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return valid ? std::string(valid.get()) : std::string();
}

std::string_view Trim(std::string_view s) {
    const auto first = s.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(kBlanks);
    return s.substr(first, last - first + 1);
}

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

std::vector<Page> Paginate(const std::deque<Block>& blocks) {
    return Paginator().Run(blocks);
}

}  // namespace parcours::documents::pdf
