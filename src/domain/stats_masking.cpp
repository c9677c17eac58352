// Statistical confidentiality: small cells of a table hidden, and enough others with them that
// no hidden cell can be worked out from the totals (secondary suppression).
#include <algorithm>

#include "domain/stats.hpp"

namespace parcours::domain {

MaskedTable Mask(const std::vector<std::vector<long long>>& cells, int threshold) {
    MaskedTable t;
    t.cells = cells;
    std::size_t rows = cells.size();
    std::size_t cols = rows ? cells[0].size() : 0;
    auto small = [&](long long v) { return v > 0 && v < threshold; };
    t.hidden.assign(rows, std::vector<bool>(cols, false));
    t.row_totals.assign(rows, 0);
    t.column_totals.assign(cols, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            t.row_totals[r] += cells[r][c];
            t.column_totals[c] += cells[r][c];
            t.total += cells[r][c];
            t.hidden[r][c] = small(cells[r][c]);
        }
    }
    t.row_total_hidden.resize(rows);
    t.column_total_hidden.resize(cols);
    for (std::size_t r = 0; r < rows; ++r) t.row_total_hidden[r] = small(t.row_totals[r]);
    for (std::size_t c = 0; c < cols; ++c) t.column_total_hidden[c] = small(t.column_totals[c]);
    t.total_hidden = small(t.total);
    // Secondary suppression: a line (its cells and its total) must never hold exactly one hidden
    // value; hide the smallest other non-zero value of the line until it does not.
    // (std::vector<bool> has no addressable elements: the flags are chars while we work.)
    using Line = std::vector<std::pair<long long, char*>>;
    auto fix = [&](Line line) -> bool {
        int hidden = 0;
        for (auto& [value, flag] : line) hidden += *flag ? 1 : 0;
        if (hidden != 1) return false;
        char* pick = nullptr;
        long long best = 0;
        for (auto& [value, flag] : line) {
            if (*flag || value == 0) continue;
            if (!pick || value < best) {
                pick = flag;
                best = value;
            }
        }
        if (!pick) return false;
        *pick = 1;
        return true;
    };
    std::vector<std::vector<char>> h(rows, std::vector<char>(cols));
    std::vector<char> rh(rows), ch(cols);
    char th = t.total_hidden ? 1 : 0;
    for (std::size_t r = 0; r < rows; ++r) {
        rh[r] = t.row_total_hidden[r];
        for (std::size_t c = 0; c < cols; ++c) h[r][c] = t.hidden[r][c];
    }
    for (std::size_t c = 0; c < cols; ++c) ch[c] = t.column_total_hidden[c];
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t r = 0; r < rows; ++r) {
            Line line;
            for (std::size_t c = 0; c < cols; ++c) line.push_back({cells[r][c], &h[r][c]});
            line.push_back({t.row_totals[r], &rh[r]});
            changed = fix(line) || changed;
        }
        for (std::size_t c = 0; c < cols; ++c) {
            Line line;
            for (std::size_t r = 0; r < rows; ++r) line.push_back({cells[r][c], &h[r][c]});
            line.push_back({t.column_totals[c], &ch[c]});
            changed = fix(line) || changed;
        }
        Line totals_row;
        for (std::size_t c = 0; c < cols; ++c) totals_row.push_back({t.column_totals[c], &ch[c]});
        totals_row.push_back({t.total, &th});
        changed = fix(totals_row) || changed;
        Line totals_column;
        for (std::size_t r = 0; r < rows; ++r) totals_column.push_back({t.row_totals[r], &rh[r]});
        totals_column.push_back({t.total, &th});
        changed = fix(totals_column) || changed;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        t.row_total_hidden[r] = rh[r];
        for (std::size_t c = 0; c < cols; ++c) t.hidden[r][c] = h[r][c];
    }
    for (std::size_t c = 0; c < cols; ++c) t.column_total_hidden[c] = ch[c];
    t.total_hidden = th;
    return t;
}

}  // namespace parcours::domain
