// Which database errors answer 503 (the medium cannot write) and which stay bugs (500).
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <stdexcept>

#include "storage/medium_failure.hpp"

namespace parcours::storage {
namespace {

TEST(MediumFailure, SqliteDiskFullAndIoErrorsAreMediumFailures) {
    EXPECT_TRUE(
        DescribeMediumFailure(soci::sqlite3_soci_error("database or disk is full", SQLITE_FULL)));
    EXPECT_TRUE(DescribeMediumFailure(soci::sqlite3_soci_error("disk I/O error", SQLITE_IOERR)));
    EXPECT_TRUE(DescribeMediumFailure(
        soci::sqlite3_soci_error("disk I/O error", SQLITE_IOERR_FSYNC)));  // an extended code
}

TEST(MediumFailure, SqliteProgrammingErrorsAreNot) {
    EXPECT_FALSE(DescribeMediumFailure(
        soci::sqlite3_soci_error("UNIQUE constraint failed", SQLITE_CONSTRAINT)));
    EXPECT_FALSE(DescribeMediumFailure(soci::sqlite3_soci_error("no such table", SQLITE_ERROR)));
    EXPECT_FALSE(DescribeMediumFailure(soci::sqlite3_soci_error("busy", SQLITE_BUSY)));
}

TEST(MediumFailure, PostgresqlDiskFullIoErrorAndFileLimitAreMediumFailures) {
    EXPECT_TRUE(DescribeMediumFailure(soci::postgresql_soci_error("no space", "53100")));
    EXPECT_TRUE(DescribeMediumFailure(soci::postgresql_soci_error("I/O error", "58030")));
    EXPECT_TRUE(DescribeMediumFailure(soci::postgresql_soci_error(
        "could not extend file \"base/16384/16390\": File too large", "XX000")));
}

TEST(MediumFailure, PostgresqlOtherErrorsAndPlainExceptionsAreNot) {
    EXPECT_FALSE(DescribeMediumFailure(soci::postgresql_soci_error("syntax error", "42601")));
    EXPECT_FALSE(DescribeMediumFailure(soci::postgresql_soci_error("duplicate key", "23505")));
    EXPECT_FALSE(
        DescribeMediumFailure(soci::postgresql_soci_error("cache lookup failed", "XX000")));
    EXPECT_FALSE(DescribeMediumFailure(std::runtime_error("No space left on device")));
}

TEST(MediumFailure, TheDescriptionCarriesNoStatementText) {
    auto described = DescribeMediumFailure(soci::postgresql_soci_error(
        "could not extend file: File too large while executing \"INSERT … 'Martin'\"", "XX000"));
    ASSERT_TRUE(described);
    EXPECT_EQ(described->find("Martin"), std::string::npos);
}

}  // namespace
}  // namespace parcours::storage
