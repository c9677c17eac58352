#include "http/static_files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace parcours::http {

namespace {

std::shared_ptr<const std::string> ReadWhole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::make_shared<const std::string>(std::move(bytes).str());
}

std::string TypeOf(const std::filesystem::path& path) {
    static const std::unordered_map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/vnd.microsoft.icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".pdf", "application/pdf"},
    };
    auto found = kTypes.find(path.extension().string());
    return found != kTypes.end() ? found->second : "application/octet-stream";
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

void SetSharedBody(httplib::Response& res,
                   std::shared_ptr<const std::string> body,
                   const std::string& type) {
    if (body->empty()) {
        res.set_content("", type);
        return;
    }
    res.set_content_provider(
        body->size(), type, [body](size_t offset, size_t length, httplib::DataSink& sink) {
            if (offset >= body->size()) return false;
            return sink.write(body->data() + offset, std::min(length, body->size() - offset));
        });
}

void SetUncompressedBody(httplib::Response& res, std::string body, const std::string& type) {
    SetSharedBody(res, std::make_shared<const std::string>(std::move(body)), type);
}

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
    while (!accept_encoding.empty()) {
        auto comma = accept_encoding.find(',');
        std::string_view item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
        auto semicolon = item.find(';');
        if (Trim(item.substr(0, semicolon)) != coding) continue;
        if (semicolon == std::string_view::npos) return true;
        std::string_view param = Trim(item.substr(semicolon + 1));
        if (param.rfind("q=", 0) != 0) return true;
        std::string_view q = Trim(param.substr(2));
        double weight = 1;  // an unreadable weight is no refusal
        std::from_chars(q.data(), q.data() + q.size(), weight);
        return weight > 0;
    }
    return false;
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
    std::error_code error;
    if (!std::filesystem::is_directory(root, error)) return;
    for (auto it = std::filesystem::recursive_directory_iterator(root, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const auto& path = it->path();
        std::error_code ignored;  // `error` ends the walk: one file's trouble must not
        auto extension = path.extension().string();
        if (!it->is_regular_file(ignored) || extension == ".br" || extension == ".gz") continue;
        File file;
        file.type = TypeOf(path);
        file.identity = ReadWhole(path);
        auto modified = std::filesystem::last_write_time(path, ignored).time_since_epoch().count();
        std::ostringstream etag;
        etag << "W/\"" << std::hex << file.identity->size() << '-' << modified << '"';
        file.etag = etag.str();
        auto with_suffix = [&](const char* suffix) {
            auto variant = path;
            variant += suffix;
            return std::filesystem::is_regular_file(variant, ignored) ? ReadWhole(variant)
                                                                      : nullptr;
        };
        file.brotli = with_suffix(".br");
        file.gzip = with_suffix(".gz");
        files_.emplace("/" + path.lexically_relative(root).generic_string(), std::move(file));
    }
}

bool StaticFiles::Serve(const std::string& path,
                        const httplib::Request& req,
                        httplib::Response& res) const {
    auto found = files_.find(path);
    if (found == files_.end()) return false;
    const File& file = found->second;
    res.set_header("ETag", file.etag);
    res.set_header("Vary", "Accept-Encoding");
    // Hashed names change with their content: a year; the rest is revalidated (ETag).
    res.set_header("Cache-Control", path.rfind("/assets/", 0) == 0
                                        ? "public, max-age=31536000, immutable"
                                        : "no-cache");
    if (req.get_header_value("If-None-Match") == file.etag) {
        res.status = 304;
        return true;
    }
    std::string accepted = req.get_header_value("Accept-Encoding");
    std::shared_ptr<const std::string> body = file.identity;
    if (file.brotli && AcceptsEncoding(accepted, "br")) {
        body = file.brotli;
        res.set_header("Content-Encoding", "br");
    } else if (file.gzip && AcceptsEncoding(accepted, "gzip")) {
        body = file.gzip;
        res.set_header("Content-Encoding", "gzip");
    }
    SetSharedBody(res, std::move(body), file.type);
    return true;
}

}  // namespace parcours::http
