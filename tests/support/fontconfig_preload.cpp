// Loads fontconfig's configuration once, before any test, with LeakSanitizer looking away.
//
// fontconfig 2.14.1 (Debian 12) leaks 288 bytes, once per process, while parsing the system's
// /etc/fonts/conf.d/70-no-bitmaps.conf when the default configuration is loaded (a two-line C
// program calling FcConfigReference(NULL) shows it); pango loads it on the first PDF. Loading it
// here, inside a ScopedDisabler, leaves that one allocation out of the leak report and nothing
// else: what pango and fontconfig allocate later, while laying out text, is still checked.
// Rescans are turned off (below) so that the configuration loaded here is the one used.
// (A suppression matching fontconfig's frame needed the slow unwinder on every malloc, which
// made the sanitizer build's API tests eight times slower.)
#include <fontconfig/fontconfig.h>

#if defined(__SANITIZE_ADDRESS__)
#define PARCOURS_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARCOURS_LSAN 1
#endif
#endif

#ifdef PARCOURS_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace {

struct FontconfigPreload {
    FontconfigPreload() {
#ifdef PARCOURS_LSAN
        __lsan::ScopedDisabler leaks_not_tracked;
#endif
        FcInit();
        // No rescans: fontconfig rebuilds its whole font set when it sees the font caches change
        // (another test process writing them, with ctest -j2), and the rebuilt set it keeps was
        // once reported as 154 kB leaked in 5,319 allocations (FcValueSave, FcLangSetCopy).
        FcConfigSetRescanInterval(nullptr, 0);
    }
};

const FontconfigPreload preload;

}  // namespace
