#pragma once
// The instance's secret keys: never in the database. One file (mode 0600), or the environment.
#include <array>
#include <filesystem>
#include <string>

namespace parcours::security {

struct Keys {
    std::array<unsigned char, 32> field_key{};      // XChaCha20-Poly1305, identity fields
    std::array<unsigned char, 32> pseudonym_key{};  // keyed BLAKE2b, duplicate detection
};

// Reads the keys file; throws std::runtime_error with a message naming the file on failure.
Keys LoadKeys(const std::filesystem::path& path);
// Writes fresh random keys to a new file (refuses to overwrite), mode 0600.
Keys CreateKeys(const std::filesystem::path& path);
// A public fingerprint of the keys, stored in the database to detect a wrong keys file.
std::string KeysFingerprint(const Keys& keys);

void EnsureSodium();

}  // namespace parcours::security
