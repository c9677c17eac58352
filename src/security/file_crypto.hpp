#pragma once
// Whole files encrypted with the instance's keys (backups): libsodium's secretstream
// (XChaCha20-Poly1305) in 64 KiB chunks, under a key derived from the field key for this purpose
// only. A truncated, reordered or altered file, or another instance's keys, fail to decrypt.
#include <filesystem>
#include <string>

#include "security/keys.hpp"

namespace parcours::security {

// Writes `out` (mode 0600) from `in`; `label` (at most 15 bytes) is stored in clear in the header
// and authenticated, e.g. "sqlite" or "postgresql". Throws std::runtime_error.
void EncryptFile(const Keys& keys,
                 const std::filesystem::path& in,
                 const std::filesystem::path& out,
                 const std::string& label);

// Decrypts `in` into `out` (mode 0600) and returns the label; on any failure `out` is removed and
// std::runtime_error says why.
std::string DecryptFile(const Keys& keys,
                        const std::filesystem::path& in,
                        const std::filesystem::path& out);

}  // namespace parcours::security
