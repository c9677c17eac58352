#include "security/sodium_crypto.hpp"

#include <oath.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace parcours::security {

namespace {

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

std::string Base64(const unsigned char* data, std::size_t size, int variant) {
    std::string out(sodium_base64_encoded_len(size, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, variant);
    out.resize(out.find('\0'));
    return out;
}

// Standard base64 with padding, as Encrypt writes it, into `out`; false on any other character,
// a length that is not a multiple of 4, or a misplaced '='. libsodium's decoder runs in constant
// time, which a sealed record does not need (it is no secret: the key is; and the AEAD tag refuses
// any byte changed), and that made it 11 % of a dashboard's computation (bench/README.md).
bool DecodeBase64(std::string_view text, std::string& out) {
    static constexpr std::array<signed char, 256> kValue = [] {
        std::array<signed char, 256> value{};
        value.fill(-1);
        constexpr std::string_view kAlphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
            value[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
        }
        return value;
    }();
    if (text.size() % 4 != 0) return false;
    std::size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
        ++padding;
    }
    std::size_t digits = text.size() - padding;
    out.assign(text.size() / 4 * 3, '\0');
    std::size_t length = 0;
    std::uint32_t bits = 0;
    int count = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        signed char v = kValue[static_cast<unsigned char>(text[i])];
        if (v < 0) return false;
        bits = (bits << 6) | static_cast<std::uint32_t>(v);
        if (++count == 4) {
            out[length++] = static_cast<char>(bits >> 16);
            out[length++] = static_cast<char>(bits >> 8);
            out[length++] = static_cast<char>(bits);
            bits = 0;
            count = 0;
        }
    }
    if (count == 1) return false;  // "x===" encodes nothing
    if (count == 2) out[length++] = static_cast<char>(bits >> 4);
    if (count == 3) {
        out[length++] = static_cast<char>(bits >> 10);
        out[length++] = static_cast<char>(bits >> 2);
    }
    out.resize(length);
    return true;
}

constexpr unsigned kTotpStepSeconds = 30;
constexpr std::size_t kTotpWindow = 1;  // ±30 s of clock drift

}  // namespace

// Holds one of the `max_parallel` hashing slots for its lifetime.
class SodiumCrypto::Slot {
  public:
    explicit Slot(SodiumCrypto& owner) : owner_(owner) {
        std::unique_lock lock(owner_.mutex_);
        owner_.slot_free_.wait(lock, [&] { return owner_.running_ < owner_.limits_.max_parallel; });
        ++owner_.running_;
    }
    ~Slot() {
        {
            std::lock_guard lock(owner_.mutex_);
            --owner_.running_;
        }
        owner_.slot_free_.notify_one();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

  private:
    SodiumCrypto& owner_;
};

HashingLimits DefaultHashingLimits() {
    return HashingLimits{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE, 2};
}

std::string UnmatchableHash(const HashingLimits& limits) {
    EnsureSodium();
    // libsodium's Argon2id string: m in KiB, t passes, one lane, then the salt and the digest in
    // standard base64 without padding (argon2-encoding.c).
    unsigned char salt[crypto_pwhash_argon2id_SALTBYTES];
    unsigned char digest[32];  // the digest length of libsodium's strings (STR_HASHBYTES)
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(digest, sizeof digest);
    return "$argon2id$v=19$m=" + std::to_string(limits.memlimit / 1024) +
           ",t=" + std::to_string(limits.opslimit) + ",p=1$" +
           Base64(salt, sizeof salt, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) + "$" +
           Base64(digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

SodiumCrypto::SodiumCrypto(const Keys& keys, HashingLimits limits) : keys_(keys), limits_(limits) {
    EnsureSodium();
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not be initialised");
    dummy_hash_ = UnmatchableHash(limits_);
}

std::string SodiumCrypto::HashPassword(std::string_view password) {
    Slot slot(*this);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits_.opslimit,
                              limits_.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool SodiumCrypto::VerifyPassword(std::string_view hash, std::string_view password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::string stored(hash);  // NUL-terminated copy
    Slot slot(*this);
    return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void SodiumCrypto::VerifyDummyPassword(std::string_view password) {
    (void)VerifyPassword(dummy_hash_, password);
}

std::string SodiumCrypto::RandomToken(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return Base64(Bytes(raw), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string SodiumCrypto::Digest(std::string_view data) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, Bytes(data), data.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string SodiumCrypto::KeyedDigest(std::string_view data) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, Bytes(data), data.size(), keys_.pseudonym_key.data(),
                       keys_.pseudonym_key.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string SodiumCrypto::NewTotpSecret() {
    unsigned char raw[20];  // 160 bits, RFC 4226 recommendation
    randombytes_buf(raw, sizeof raw);
    char* encoded = nullptr;
    std::size_t encoded_len = 0;
    if (oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &encoded,
                           &encoded_len) != OATH_OK) {
        throw std::runtime_error("TOTP secret encoding failed");
    }
    std::unique_ptr<char, decltype(&free)> guard(encoded, &free);
    std::string secret(encoded, encoded_len);
    while (!secret.empty() && secret.back() == '=') secret.pop_back();
    return secret;
}

std::optional<long long> SodiumCrypto::MatchTotp(std::string_view secret_base32,
                                                 std::string_view code,
                                                 std::int64_t unix_now) {
    if (code.size() != 6) return std::nullopt;
    for (char c : code) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    std::string padded(secret_base32);
    while (padded.size() % 8 != 0) padded += '=';
    char* raw = nullptr;
    std::size_t raw_len = 0;
    if (oath_base32_decode(padded.data(), padded.size(), &raw, &raw_len) != OATH_OK) {
        return std::nullopt;
    }
    std::unique_ptr<char, decltype(&free)> guard(raw, &free);
    std::string otp(code);
    int position = 0;
    uint64_t counter = 0;
    int rc = oath_totp_validate4(raw, raw_len, static_cast<time_t>(unix_now), kTotpStepSeconds, 0,
                                 kTotpWindow, &position, &counter, 0, otp.c_str());
    if (rc < 0) return std::nullopt;
    return static_cast<long long>(counter);
}

std::string SodiumCrypto::Encrypt(std::string_view plaintext) {
    std::string nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(nonce.data(), nonce.size());
    std::string sealed(nonce.size() + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                       '\0');
    std::copy(nonce.begin(), nonce.end(), sealed.begin());
    unsigned long long sealed_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(sealed.data() + nonce.size()), &sealed_len,
        Bytes(plaintext), plaintext.size(), nullptr, 0, nullptr, Bytes(nonce),
        keys_.field_key.data());
    // "v1:" versions the format so that keys can be rotated later.
    return "v1:" + Base64(Bytes(sealed), nonce.size() + sealed_len, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::string> SodiumCrypto::Decrypt(std::string_view ciphertext) {
    if (ciphertext.substr(0, 3) != "v1:") return std::nullopt;
    std::string_view text = ciphertext.substr(3);
    std::string sealed;
    if (!DecodeBase64(text, sealed)) return std::nullopt;
    constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < kNonce + kTag) return std::nullopt;
    std::string plain(sealed.size() - kNonce - kTag, '\0');
    unsigned long long plain_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()),
                                                   &plain_len, nullptr, Bytes(sealed) + kNonce,
                                                   sealed.size() - kNonce, nullptr, 0,
                                                   Bytes(sealed), keys_.field_key.data()) != 0) {
        return std::nullopt;
    }
    plain.resize(plain_len);
    return plain;
}

}  // namespace parcours::security
