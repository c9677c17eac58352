#include "security/keys.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parcours::security {

namespace {

std::string ToBase64(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.find('\0'));
    return out;
}

bool FromBase64(const std::string& text, std::array<unsigned char, 32>& out) {
    std::size_t len = 0;
    return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t", &len, nullptr,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           len == out.size();
}

}  // namespace

void EnsureSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Keys LoadKeys(const std::filesystem::path& path) {
    EnsureSodium();
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the keys file " + path.string());
    Keys keys;
    bool field = false;
    bool pseudonym = false;
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        std::string name = line.substr(0, eq);
        std::string value = line.substr(eq + 1);
        auto trim = [](std::string& s) {
            auto b = s.find_first_not_of(" \t\"");
            auto e = s.find_last_not_of(" \t\"\r");
            s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
        };
        trim(name);
        trim(value);
        if (name == "field_key") field = FromBase64(value, keys.field_key);
        if (name == "pseudonym_key") pseudonym = FromBase64(value, keys.pseudonym_key);
    }
    if (!field || !pseudonym) {
        throw std::runtime_error("the keys file " + path.string() +
                                 " must hold field_key and pseudonym_key (32 bytes, base64)");
    }
    return keys;
}

Keys CreateKeys(const std::filesystem::path& path) {
    EnsureSodium();
    if (std::filesystem::exists(path)) {
        throw std::runtime_error("refusing to overwrite the keys file " + path.string());
    }
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    Keys keys;
    randombytes_buf(keys.field_key.data(), keys.field_key.size());
    randombytes_buf(keys.pseudonym_key.data(), keys.pseudonym_key.size());
    std::ostringstream text;
    text << "# Parcours instance keys. Keep a copy apart from the database backups: without it\n"
         << "# the encrypted identity fields cannot be read.\n"
         << "field_key = \"" << ToBase64(keys.field_key.data(), keys.field_key.size()) << "\"\n"
         << "pseudonym_key = \"" << ToBase64(keys.pseudonym_key.data(), keys.pseudonym_key.size())
         << "\"\n";
    mode_t old_mask = ::umask(077);
    std::ofstream out(path, std::ios::trunc);
    out << text.str();
    out.close();
    ::umask(old_mask);
    if (!out) throw std::runtime_error("cannot write the keys file " + path.string());
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return keys;
}

std::string KeysFingerprint(const Keys& keys) {
    EnsureSodium();
    static constexpr char kContext[] = "parcours-keys-fingerprint";
    std::array<unsigned char, 16> digest{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kContext),
                              sizeof kContext - 1);
    crypto_generichash_update(&state, keys.field_key.data(), keys.field_key.size());
    crypto_generichash_update(&state, keys.pseudonym_key.data(), keys.pseudonym_key.size());
    crypto_generichash_final(&state, digest.data(), digest.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

}  // namespace parcours::security
