#pragma once
// A record ↔ table mapping for plain tables: one column list per record type gives its SELECT,
// INSERT and UPDATE. Values go through buffers with SOCI indicators, so std::optional and bool
// members need no hand-written binders. The buffers are sized once, before binding, and never
// reallocated while a statement uses them.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parcours::storage {

template <class R>
class Mapping {
  public:
    using Member = std::variant<std::string R::*,
                                std::optional<std::string> R::*,
                                long long R::*,
                                std::optional<long long> R::*,
                                int R::*,
                                std::optional<int> R::*,
                                bool R::*>;

    Mapping(std::string table, long long R::*id) : table_(std::move(table)), id_(id) {}

    Mapping& Col(std::string name, Member member) {
        columns_.push_back({std::move(name), member});
        return *this;
    }

    const std::string& table() const { return table_; }

    std::string SelectSql() const {
        std::string sql = "SELECT id";
        for (const auto& c : columns_) sql += ", " + c.name;
        return sql + " FROM " + table_ + " ";
    }

    std::string InsertSql() const {
        std::string names;
        std::string values;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            names += (i ? ", " : "") + columns_[i].name;
            values += (i ? ", :v" : ":v") + std::to_string(i);
        }
        return "INSERT INTO " + table_ + " (" + names + ") VALUES (" + values + ")";
    }

    std::string UpdateSql() const {
        std::string sets;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            sets += (i ? ", " : "") + columns_[i].name + " = :v" + std::to_string(i);
        }
        return "UPDATE " + table_ + " SET " + sets + " WHERE id = :id";
    }

    // Holds the values of one row while a statement runs.
    struct Buffer {
        struct Cell {
            std::string text;
            long long big = 0;
            int small = 0;
            soci::indicator ind = soci::i_null;
        };
        long long id = 0;
        std::vector<Cell> cells;
    };

    Buffer MakeBuffer() const {
        Buffer b;
        b.cells.resize(columns_.size());
        return b;
    }

    // Binds the buffer's cells as the statement's output columns (after "id").
    void Into(soci::statement& st, Buffer& b) const {
        st.exchange(soci::into(b.id));
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            auto& cell = b.cells[i];
            std::visit(
                [&](auto member) {
                    using T = std::remove_cvref_t<decltype(std::declval<R>().*member)>;
                    if constexpr (std::is_same_v<T, std::string> ||
                                  std::is_same_v<T, std::optional<std::string>>) {
                        st.exchange(soci::into(cell.text, cell.ind));
                    } else if constexpr (std::is_same_v<T, long long> ||
                                         std::is_same_v<T, std::optional<long long>>) {
                        st.exchange(soci::into(cell.big, cell.ind));
                    } else {
                        st.exchange(soci::into(cell.small, cell.ind));
                    }
                },
                columns_[i].member);
        }
    }

    R Read(const Buffer& b) const {
        R r{};
        r.*id_ = b.id;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const auto& cell = b.cells[i];
            bool present = cell.ind == soci::i_ok;
            std::visit(
                [&](auto member) {
                    using T = std::remove_cvref_t<decltype(r.*member)>;
                    if constexpr (std::is_same_v<T, std::string>) {
                        r.*member = present ? cell.text : std::string();
                    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
                        if (present) r.*member = cell.text;
                    } else if constexpr (std::is_same_v<T, long long>) {
                        r.*member = present ? cell.big : 0;
                    } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
                        if (present) r.*member = cell.big;
                    } else if constexpr (std::is_same_v<T, int>) {
                        r.*member = present ? cell.small : 0;
                    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
                        if (present) r.*member = cell.small;
                    } else {
                        r.*member = present && cell.small != 0;
                    }
                },
                columns_[i].member);
        }
        return r;
    }

    // Fills the buffer from the record and binds the cells as :v0, :v1, ... parameters.
    void Use(soci::statement& st, const R& r, Buffer& b) const {
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            auto& cell = b.cells[i];
            std::visit(
                [&](auto member) {
                    using T = std::remove_cvref_t<decltype(r.*member)>;
                    const T& v = r.*member;
                    if constexpr (std::is_same_v<T, std::string>) {
                        cell.text = v;
                        cell.ind = soci::i_ok;
                        st.exchange(soci::use(cell.text, cell.ind));
                    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
                        cell.text = v.value_or("");
                        cell.ind = v ? soci::i_ok : soci::i_null;
                        st.exchange(soci::use(cell.text, cell.ind));
                    } else if constexpr (std::is_same_v<T, long long>) {
                        cell.big = v;
                        cell.ind = soci::i_ok;
                        st.exchange(soci::use(cell.big, cell.ind));
                    } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
                        cell.big = v.value_or(0);
                        cell.ind = v ? soci::i_ok : soci::i_null;
                        st.exchange(soci::use(cell.big, cell.ind));
                    } else if constexpr (std::is_same_v<T, int>) {
                        cell.small = v;
                        cell.ind = soci::i_ok;
                        st.exchange(soci::use(cell.small, cell.ind));
                    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
                        cell.small = v.value_or(0);
                        cell.ind = v ? soci::i_ok : soci::i_null;
                        st.exchange(soci::use(cell.small, cell.ind));
                    } else {
                        cell.small = v ? 1 : 0;
                        cell.ind = soci::i_ok;
                        st.exchange(soci::use(cell.small, cell.ind));
                    }
                },
                columns_[i].member);
        }
    }

    // SELECT … `where` with the parameters `bind` adds.
    std::vector<R> Query(soci::session& sql,
                         const std::string& where,
                         const std::function<void(soci::statement&)>& bind) const {
        Buffer b = MakeBuffer();
        soci::statement st(sql);
        st.alloc();
        st.prepare(SelectSql() + where);
        Into(st, b);
        bind(st);
        st.define_and_bind();
        std::vector<R> out;
        if (st.execute(true)) {
            do {
                out.push_back(Read(b));
            } while (st.fetch());
        }
        return out;
    }

    std::optional<R> Find(soci::session& sql, long long id) const {
        auto rows =
            Query(sql, "WHERE id = :id", [&](soci::statement& st) { st.exchange(soci::use(id)); });
        if (rows.empty()) return std::nullopt;
        return rows.front();
    }

    long long Insert(soci::session& sql, const R& r) const {
        Buffer b = MakeBuffer();
        long long id = 0;
        soci::statement st(sql);
        st.alloc();
        st.prepare(InsertSql() + " RETURNING id");
        st.exchange(soci::into(id));
        Use(st, r, b);
        st.define_and_bind();
        st.execute(true);
        return id;
    }

    void Update(soci::session& sql, const R& r) const {
        Buffer b = MakeBuffer();
        long long id = r.*id_;
        soci::statement st(sql);
        st.alloc();
        st.prepare(UpdateSql());
        Use(st, r, b);
        st.exchange(soci::use(id));
        st.define_and_bind();
        st.execute(true);
    }

  private:
    struct Column {
        std::string name;
        Member member;
    };
    std::string table_;
    long long R::*id_;
    std::vector<Column> columns_;
};

}  // namespace parcours::storage
