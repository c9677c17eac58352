#include "security/file_crypto.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace parcours::security {

namespace {

constexpr char kMagic[16] = {'P', 'A', 'R', 'C', 'O', 'U', 'R', 'S',
                             '-', 'B', 'A', 'C', 'K', 'U', 'P', '1'};
constexpr std::size_t kLabelBytes = 16;
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::uint64_t kBackupSubkeyId = 3;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'p', 'b', 'a', 'c', 'k', 'u', 'p', '1'};

using Key = std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>;

Key BackupKey(const Keys& keys) {
    static_assert(crypto_kdf_KEYBYTES == 32);
    Key key{};
    if (crypto_kdf_derive_from_key(key.data(), key.size(), kBackupSubkeyId, kKdfContext,
                                   keys.field_key.data()) != 0) {
        throw std::runtime_error("cannot derive the backup key");
    }
    return key;
}

std::ofstream OpenPrivate(const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
    return out;
}

}  // namespace

void EncryptFile(const Keys& keys,
                 const std::filesystem::path& in_path,
                 const std::filesystem::path& out_path,
                 const std::string& label) {
    EnsureSodium();
    if (label.size() >= kLabelBytes) throw std::invalid_argument("backup label too long");
    std::ifstream in(in_path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + in_path.string());
    std::ofstream out = OpenPrivate(out_path);
    Key key = BackupKey(keys);
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, header.data(), key.data());
    sodium_memzero(key.data(), key.size());
    std::array<char, kLabelBytes> padded{};
    std::memcpy(padded.data(), label.data(), label.size());
    out.write(kMagic, sizeof kMagic);
    out.write(padded.data(), padded.size());
    out.write(reinterpret_cast<const char*>(header.data()), header.size());
    // The clear prefix (magic and label) is authenticated with the first chunk.
    std::string prefix(kMagic, sizeof kMagic);
    prefix.append(padded.data(), padded.size());
    std::vector<unsigned char> plain(kChunk);
    std::vector<unsigned char> sealed(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
    bool first = true;
    for (;;) {
        in.read(reinterpret_cast<char*>(plain.data()), static_cast<std::streamsize>(plain.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        bool last = in.eof();
        unsigned long long sealed_len = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, sealed.data(), &sealed_len, plain.data(), got,
            first ? reinterpret_cast<const unsigned char*>(prefix.data()) : nullptr,
            first ? prefix.size() : 0, last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        out.write(reinterpret_cast<const char*>(sealed.data()),
                  static_cast<std::streamsize>(sealed_len));
        first = false;
        if (last) break;
        if (!in) throw std::runtime_error("cannot read " + in_path.string());
    }
    sodium_memzero(plain.data(), plain.size());
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + out_path.string());
}

std::string DecryptFile(const Keys& keys,
                        const std::filesystem::path& in_path,
                        const std::filesystem::path& out_path) {
    EnsureSodium();
    auto fail = [&](const std::string& why) -> std::runtime_error {
        std::error_code ignored;
        std::filesystem::remove(out_path, ignored);
        return std::runtime_error(in_path.string() + ": " + why);
    };
    std::ifstream in(in_path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + in_path.string());
    std::array<char, sizeof kMagic> magic{};
    std::array<char, kLabelBytes> padded{};
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    in.read(magic.data(), magic.size());
    in.read(padded.data(), padded.size());
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    if (!in || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0) {
        throw fail("not a Parcours backup");
    }
    Key key = BackupKey(keys);
    crypto_secretstream_xchacha20poly1305_state state;
    int init = crypto_secretstream_xchacha20poly1305_init_pull(&state, header.data(), key.data());
    sodium_memzero(key.data(), key.size());
    if (init != 0) throw fail("damaged header");
    std::ofstream out = OpenPrivate(out_path);
    std::string prefix(magic.data(), magic.size());
    prefix.append(padded.data(), padded.size());
    std::vector<unsigned char> sealed(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
    std::vector<unsigned char> plain(kChunk);
    bool first = true;
    bool finished = false;
    while (!finished) {
        in.read(reinterpret_cast<char*>(sealed.data()),
                static_cast<std::streamsize>(sealed.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) throw fail("truncated (no final chunk)");
        unsigned long long plain_len = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &state, plain.data(), &plain_len, &tag, sealed.data(), got,
                first ? reinterpret_cast<const unsigned char*>(prefix.data()) : nullptr,
                first ? prefix.size() : 0) != 0) {
            throw fail("cannot be decrypted: altered, or made with another instance's keys");
        }
        out.write(reinterpret_cast<const char*>(plain.data()),
                  static_cast<std::streamsize>(plain_len));
        first = false;
        finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (!finished && in.eof()) throw fail("truncated (no final chunk)");
    }
    in.peek();
    if (!in.eof()) throw fail("data after the final chunk");
    sodium_memzero(plain.data(), plain.size());
    out.flush();
    if (!out) throw fail("cannot write " + out_path.string());
    return std::string(padded.data(), strnlen(padded.data(), padded.size()));
}

}  // namespace parcours::security
