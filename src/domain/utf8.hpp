#pragma once
// UTF-8, strictly: what the configuration loader and the HTTP layer read byte by byte.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parcours::domain {

// The character at text[i] (i < text.size()): its code point and its length in bytes, or nothing
// when the bytes there are not UTF-8 (a stray continuation byte, an overlong form, a surrogate,
// beyond U+10FFFF, cut short).
std::optional<std::pair<char32_t, std::size_t>> DecodeUtf8(std::string_view text, std::size_t i);

// Appends the UTF-8 form of `c` (a code point, not a surrogate).
void AppendUtf8(std::string& out, char32_t c);

}  // namespace parcours::domain
