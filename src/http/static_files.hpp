#pragma once
// The built front-end (web/dist), read into memory at start-up and served with the compressed
// variants the web build wrote beside each file (NAME.br, NAME.gz; web/scripts/precompress.mjs).
//
// cpp-httplib compresses any text body it sends when the client accepts brotli, at brotli's
// slowest setting: about two seconds of CPU for the application's script, on every first load.
// The bodies sent here go through a fixed-length content provider, which it never compresses.
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parcours::http {

// Sends `body` as is: never compressed on the fly by cpp-httplib.
void SetUncompressedBody(httplib::Response& res, std::string body, const std::string& type);
// The same for a body shared with others (a kept result): sent from where it is, never copied
// (a national dashboard is 387 kB; 64 copies at once held 25 MB).
void SetSharedBody(httplib::Response& res,
                   std::shared_ptr<const std::string> body,
                   const std::string& type);

class StaticFiles {
  public:
    // Reads every file under `root` (none when it is not a directory).
    explicit StaticFiles(const std::filesystem::path& root);

    // Answers GET `path` ("/assets/x.js") when it names a file of the tree, with its caching
    // headers; false otherwise.
    bool Serve(const std::string& path, const httplib::Request& req, httplib::Response& res) const;

  private:
    struct File {
        std::string type;
        std::string etag;
        std::shared_ptr<const std::string> identity, brotli, gzip;
    };
    std::unordered_map<std::string, File> files_;
};

// Whether the Accept-Encoding header value accepts `coding` ("br", "gzip"), q=0 meaning no.
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace parcours::http
