#include "domain/utf8.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

TEST(Utf8, DecodesEachLengthAndRoundTrips) {
    for (char32_t c : {U'a', U'é', U'€', U'東', U'🙂', char32_t{0x10FFFF}}) {
        std::string text;
        AppendUtf8(text, c);
        auto decoded = DecodeUtf8(text, 0);
        ASSERT_TRUE(decoded);
        EXPECT_EQ(decoded->first, c);
        EXPECT_EQ(decoded->second, text.size());
    }
}

TEST(Utf8, RefusesWhatIsNotUtf8) {
    for (std::string_view bad : {"\x80", "\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                 "\xF4\x90\x80\x80", "\xFF", "\xC3\x28"}) {
        EXPECT_FALSE(DecodeUtf8(bad, 0)) << static_cast<int>(static_cast<unsigned char>(bad[0]));
    }
}

}  // namespace
}  // namespace parcours::domain
