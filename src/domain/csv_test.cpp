#include "domain/csv.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

TEST(Csv, FieldsAreQuotedOnlyWhenTheyHoldASeparatorAQuoteOrALineBreak) {
    EXPECT_EQ(CsvField("Bordeaux"), "Bordeaux");
    EXPECT_EQ(CsvField("a;b"), "\"a;b\"");
    EXPECT_EQ(CsvField("dit \"Nid\""), "\"dit \"\"Nid\"\"\"");
    EXPECT_EQ(CsvField("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"");
}

TEST(Csv, ParsesWhatItWritesWithTheBomCrlfAndQuotedLineBreaks) {
    std::string text =
        std::string(kUtf8Bom) + "id;nom\r\n1;" + CsvField("a;\"b\"\nc") + "\r\n\r\n2;Élan\n";
    CsvTable t = ParseCsv(text);
    ASSERT_FALSE(t.error);
    ASSERT_EQ(t.records.size(), 3u);
    EXPECT_EQ(t.records[0].fields, (std::vector<std::string>{"id", "nom"}));
    EXPECT_EQ(t.records[1].fields, (std::vector<std::string>{"1", "a;\"b\"\nc"}));
    EXPECT_EQ(t.records[1].line, 2);
    EXPECT_EQ(t.records[2].line, 5);  // the quoted line break and the blank line are counted
    EXPECT_EQ(t.records[2].fields[1], "Élan");
}

TEST(Csv, EmptyFieldsAndATrailingSeparatorAreKept) {
    CsvTable t = ParseCsv("a;;c;\n");
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].fields, (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(Csv, CellsThatASpreadsheetWouldRunAsFormulasAreKeptAsText) {
    EXPECT_EQ(SpreadsheetSafe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(SpreadsheetSafe("+33 5 56"), "'+33 5 56");
    EXPECT_EQ(SpreadsheetSafe("@cmd"), "'@cmd");
    EXPECT_EQ(SpreadsheetSafe("CHRS"), "CHRS");
    EXPECT_EQ(SpreadsheetText("'=HYPERLINK(1)"), "=HYPERLINK(1)");
    EXPECT_EQ(SpreadsheetText("'apostrophe"), "'apostrophe");  // not a formula: kept as typed
    EXPECT_EQ(SpreadsheetText(SpreadsheetSafe("-5 rue")), "-5 rue");
    // Found by tests/fuzz (csv_import): a text typed with its own apostrophe comes back as typed.
    EXPECT_EQ(SpreadsheetSafe("'=1"), "''=1");
    EXPECT_EQ(SpreadsheetText(SpreadsheetSafe("'=1")), "'=1");
    EXPECT_EQ(SpreadsheetText(SpreadsheetSafe("''+2")), "''+2");
}

TEST(Csv, AnUnterminatedOrStrayQuoteIsAnErrorWithItsLine) {
    CsvTable open = ParseCsv("a;b\n\"never closed;c\n");
    ASSERT_TRUE(open.error);
    EXPECT_EQ(open.error->line, 2);
    EXPECT_TRUE(open.records.empty());
    CsvTable stray = ParseCsv("a;b\"c\n");
    ASSERT_TRUE(stray.error);
    EXPECT_EQ(stray.error->line, 1);
    CsvTable after = ParseCsv("\"a\"b;c\n");
    ASSERT_TRUE(after.error);
}

}  // namespace
}  // namespace parcours::domain
