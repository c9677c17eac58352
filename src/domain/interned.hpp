#pragma once
// A short text of a small vocabulary — a département, a reason or outcome code, a nationality —
// kept once for the whole process: an Interned is one pointer (8 bytes, where a std::string is 32),
// and copying one copies no text. The statistics keep the country's facts in memory, some
// 95,000 of them with two to four such texts each on the national dataset: as std::strings they
// held 10 MB more (bench/README.md).
//
// The texts are never forgotten: use it for vocabularies (codes, départements), not for free
// text. Interning takes a lock; reading the text does not.
#include <string>
#include <string_view>

namespace parcours::domain {

class Interned {
  public:
    Interned() noexcept;  // ""
    // Implicit, like std::string's: an Interned stands where a text was.
    Interned(std::string_view text);
    Interned(const char* text) : Interned(std::string_view(text)) {}
    Interned(const std::string& text) : Interned(std::string_view(text)) {}

    const std::string& str() const noexcept { return *text_; }
    operator const std::string&() const noexcept { return *text_; }
    bool empty() const noexcept { return text_->empty(); }

    // The same text is the same pointer.
    friend bool operator==(const Interned& a, const Interned& b) noexcept {
        return a.text_ == b.text_;
    }
    friend bool operator==(const Interned& a, const char* b) noexcept { return *a.text_ == b; }
    friend bool operator==(const Interned& a, const std::string& b) noexcept {
        return *a.text_ == b;
    }
    friend bool operator==(const Interned& a, std::string_view b) noexcept { return *a.text_ == b; }
    friend bool operator<(const Interned& a, const Interned& b) noexcept {
        return *a.text_ < *b.text_;
    }

  private:
    const std::string* text_;
};

}  // namespace parcours::domain
