#include "domain/interned.hpp"

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <unordered_set>

namespace parcours::domain {

namespace {

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

struct Texts {
    Texts() : empty(&*set.emplace().first) {}
    std::shared_mutex mutex;
    // Nodes never move: a pointer to a text stays valid as the set grows.
    std::unordered_set<std::string, Hash, std::equal_to<>> set;
    const std::string* empty;
};

Texts& TheTexts() {
    static Texts* texts =
        new Texts;  // never destroyed: Interned texts may outlive static destructors
    return *texts;
}

}  // namespace

Interned::Interned() noexcept : text_(TheTexts().empty) {}

Interned::Interned(std::string_view text) {
    Texts& texts = TheTexts();
    {
        std::shared_lock lock(texts.mutex);
        if (auto it = texts.set.find(text); it != texts.set.end()) {
            text_ = &*it;
            return;
        }
    }
    std::unique_lock lock(texts.mutex);
    text_ = &*texts.set.emplace(text).first;
}

}  // namespace parcours::domain
