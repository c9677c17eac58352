#pragma once
// The Crypto port on libsodium (Argon2id, BLAKE2b, XChaCha20-Poly1305) and liboath (TOTP).
#include <condition_variable>
#include <mutex>

#include "security/keys.hpp"
#include "usecases/ports.hpp"

namespace parcours::security {

struct HashingLimits {
    unsigned long long opslimit;
    std::size_t memlimit;
    int max_parallel;  // Argon2id uses `memlimit` bytes per hash: bound how many run at once
};

// Argon2id "interactive": t=2, 64 MiB (ASVS 5.0 appendix C: t=2 and m ≥ 19 MiB).
HashingLimits DefaultHashingLimits();

// A password hash in crypto_pwhash_str's encoding with these limits, of a random salt and a random
// digest: checking a password against it runs Argon2id in full, as a real account's hash does, and
// no password matches it. What an unknown account's login is checked against, so that it takes
// as long as a known one's; building it hashes nothing (a real hash made every start, and every
// command, 250 ms longer).
std::string UnmatchableHash(const HashingLimits& limits);

class SodiumCrypto final : public usecases::Crypto {
  public:
    SodiumCrypto(const Keys& keys, HashingLimits limits);

    std::string HashPassword(std::string_view password) override;
    bool VerifyPassword(std::string_view hash, std::string_view password) override;
    void VerifyDummyPassword(std::string_view password) override;
    std::string RandomToken(std::size_t bytes) override;
    std::string Digest(std::string_view data) override;
    std::string KeyedDigest(std::string_view data) override;
    std::string NewTotpSecret() override;
    std::optional<long long> MatchTotp(std::string_view secret_base32,
                                       std::string_view code,
                                       std::int64_t unix_now) override;
    std::string Encrypt(std::string_view plaintext) override;
    std::optional<std::string> Decrypt(std::string_view ciphertext) override;

  private:
    class Slot;
    Keys keys_;
    HashingLimits limits_;
    std::string dummy_hash_;
    std::mutex mutex_;
    std::condition_variable slot_free_;
    int running_ = 0;
};

}  // namespace parcours::security
