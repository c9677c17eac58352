#include "security/sodium_crypto.hpp"

#include <gtest/gtest.h>
#include <oath.h>
#include <sodium.h>

#include <set>

namespace parcours::security {
namespace {

Keys TestKeys() {
    Keys keys;
    keys.field_key.fill(1);
    keys.pseudonym_key.fill(2);
    return keys;
}

SodiumCrypto& Crypto() {
    static SodiumCrypto crypto(TestKeys(), DefaultHashingLimits());
    return crypto;
}

TEST(Passwords, Argon2idHashVerifiesExactlyTheSamePassword) {
    std::string hash = Crypto().HashPassword("correct horse battery staple");
    EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0U) << hash;
    EXPECT_TRUE(Crypto().VerifyPassword(hash, "correct horse battery staple"));
    EXPECT_FALSE(Crypto().VerifyPassword(hash, "Correct horse battery staple"));
    EXPECT_FALSE(Crypto().VerifyPassword(hash, "correct horse battery stapl"));
    EXPECT_FALSE(Crypto().VerifyPassword("", "anything"));
}

TEST(Passwords, TheUnknownAccountsHashCostsAFullArgon2idCheckAndMatchesNothing) {
    // The login of an unknown account is checked against this hash, so that it takes as long as a
    // known one's: the string must decode, with the very parameters of a real hash (otherwise
    // libsodium would refuse it at once, and the time would tell the account does not exist).
    HashingLimits limits = DefaultHashingLimits();
    std::string unmatchable = UnmatchableHash(limits);
    std::string real = Crypto().HashPassword("correct horse battery staple");
    auto parameters = [](const std::string& h) {
        return h.substr(0, h.find('$', 1 + h.find("p=")));
    };
    EXPECT_EQ(parameters(unmatchable), parameters(real)) << unmatchable;
    EXPECT_EQ(unmatchable.size(), real.size());
    EXPECT_EQ(crypto_pwhash_str_needs_rehash(unmatchable.c_str(), limits.opslimit, limits.memlimit),
              0);
    EXPECT_FALSE(Crypto().VerifyPassword(unmatchable, ""));
    EXPECT_FALSE(Crypto().VerifyPassword(unmatchable, "correct horse battery staple"));
    EXPECT_NE(UnmatchableHash(limits), unmatchable);  // a fresh salt and digest each time
}

TEST(Tokens, RandomTokensAreUniqueAndLongEnough) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        std::string token = Crypto().RandomToken(32);
        EXPECT_EQ(token.size(), 43U);  // 256 bits, base64url without padding
        EXPECT_TRUE(seen.insert(token).second);
    }
}

TEST(FieldEncryption, EveryLengthRoundTripsAndMalformedBase64IsRefused) {
    for (std::size_t n = 0; n < 70; ++n) {
        std::string plain(n, '\0');
        for (std::size_t i = 0; i < n; ++i) plain[i] = static_cast<char>(i * 37 + n);
        std::string sealed = Crypto().Encrypt(plain);
        ASSERT_EQ(Crypto().Decrypt(sealed), plain) << n;
        std::string text = sealed.substr(3);
        // A character outside the alphabet, a missing or an extra character, padding inside.
        EXPECT_FALSE(Crypto().Decrypt("v1:" + text.substr(0, text.size() - 1) + "!")) << n;
        EXPECT_FALSE(Crypto().Decrypt("v1:" + text.substr(1))) << n;
        EXPECT_FALSE(Crypto().Decrypt("v1:" + text + "A")) << n;
        EXPECT_FALSE(Crypto().Decrypt("v1:" + text.substr(0, 4) + "=" + text.substr(5))) << n;
        EXPECT_FALSE(Crypto().Decrypt("v1:A===")) << n;
    }
    EXPECT_FALSE(Crypto().Decrypt("v1:"));
}

TEST(FieldEncryption, RoundTripsAndDetectsTampering) {
    std::string sealed = Crypto().Encrypt("Jeanne MARTIN");
    EXPECT_EQ(sealed.find("Jeanne"), std::string::npos);
    EXPECT_NE(Crypto().Encrypt("Jeanne MARTIN"), sealed);  // fresh nonce each time
    EXPECT_EQ(Crypto().Decrypt(sealed), "Jeanne MARTIN");
    std::string tampered = sealed;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(Crypto().Decrypt(tampered));
    EXPECT_FALSE(Crypto().Decrypt("garbage"));
    Keys other = TestKeys();
    other.field_key.fill(9);
    SodiumCrypto wrong_key(other, DefaultHashingLimits());
    EXPECT_FALSE(wrong_key.Decrypt(sealed));
}

TEST(Totp, MatchesTheRfc6238CodeAndItsTimeStep) {
    std::string secret = Crypto().NewTotpSecret();
    ASSERT_EQ(secret.size(), 32U);
    // Generate the expected code with liboath's own generator for the same instant.
    std::string padded = secret;
    char* raw = nullptr;
    size_t raw_len = 0;
    ASSERT_EQ(oath_base32_decode(padded.c_str(), padded.size(), &raw, &raw_len), OATH_OK);
    char code[7] = {};
    const time_t now = 1'795'000'000;
    ASSERT_EQ(oath_totp_generate(raw, raw_len, now, 30, 0, 6, code), OATH_OK);
    free(raw);
    auto step = Crypto().MatchTotp(secret, code, now);
    ASSERT_TRUE(step);
    EXPECT_EQ(*step, now / 30);
    EXPECT_TRUE(Crypto().MatchTotp(secret, code, now + 30));   // one step of drift
    EXPECT_FALSE(Crypto().MatchTotp(secret, code, now + 95));  // too late
    EXPECT_FALSE(Crypto().MatchTotp(secret, "12345", now));    // not 6 digits
    EXPECT_FALSE(Crypto().MatchTotp(secret, "abcdef", now));
}

TEST(Digest, IsStableHex) {
    EXPECT_EQ(Crypto().Digest("a"), Crypto().Digest("a"));
    EXPECT_NE(Crypto().Digest("a"), Crypto().Digest("b"));
    EXPECT_EQ(Crypto().Digest("a").size(), 64U);
}

}  // namespace
}  // namespace parcours::security
