#pragma once
// Small helpers over SOCI 4.0: nullable values (no std::optional support) and row queries
// with typed into() (soci::row would truncate 64-bit integers on SQLite).
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "usecases/ports.hpp"

namespace parcours::storage {

// A nullable parameter or column: bind soci::use(n.value, n.ind) / soci::into(n.value, n.ind)
// directly (a helper returning SOCI's use/into holders would dangle); the object must outlive
// the statement.
template <class T>
struct Nullable {
    T value{};
    soci::indicator ind = soci::i_null;

    Nullable() = default;
    explicit Nullable(const std::optional<T>& v) {
        if (v) {
            value = *v;
            ind = soci::i_ok;
        }
    }
    std::optional<T> get() const {
        return ind == soci::i_ok ? std::optional<T>(value) : std::nullopt;
    }
};

using Binder = std::function<void(soci::statement&)>;

// Runs `query` with the columns that `Row::Define` exchanges and the parameters `bind` adds;
// returns `Row::Get()` for every row.
template <class Row>
auto QueryRows(soci::session& sql, const std::string& query, const Binder& bind) {
    Row row;
    soci::statement st(sql);
    st.alloc();
    st.prepare(query);
    row.Define(st);
    bind(st);
    st.define_and_bind();
    std::vector<decltype(row.Get())> out;
    if (st.execute(true)) {
        do {
            out.push_back(row.Get());
        } while (st.fetch());
    }
    return out;
}

// The open parcours (neither exited nor refused) of an association or a département, as a WHERE
// clause on `parcours` and the binding of its parameters.
std::string OpenParcoursWhere(const usecases::ParcoursFilter& filter);
void BindOpenParcoursFilter(soci::statement& st, const usecases::ParcoursFilter& filter);

template <class T>
std::optional<T> First(std::vector<T> rows) {
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

}  // namespace parcours::storage
