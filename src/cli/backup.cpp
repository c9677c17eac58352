#include "cli/backup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

#include "security/file_crypto.hpp"
#include "storage/database.hpp"

namespace parcours::cli {

namespace {

// A temporary file beside `near`, removed on destruction.
class TempFile {
  public:
    explicit TempFile(const std::filesystem::path& near) {
        auto dir = near.has_parent_path() ? near.parent_path() : std::filesystem::path(".");
        path_ = dir / (".parcours-backup-" + std::to_string(::getpid()) + ".tmp");
        std::filesystem::remove(path_);
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// Runs a program without a shell; throws unless it exits with 0.
void RunProgram(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("cannot start " + argv[0]);
    if (pid == 0) {
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(argv[0] + " failed (exit status " +
                                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                 (WIFEXITED(status) && WEXITSTATUS(status) == 127
                                      ? ": is postgresql-client installed?"
                                      : "") +
                                 ")");
    }
}

security::Keys InstanceKeys(const Config& config) {
    auto path = KeysPath(config);
    if (!std::filesystem::exists(path)) {
        throw std::runtime_error("the keys file " + path.string() +
                                 " is missing: backups are encrypted with the instance's keys; "
                                 "copy that file there (or set PARCOURS_KEYS_FILE)");
    }
    return security::LoadKeys(path);
}

}  // namespace

BackupReport Backup(const Config& config, const std::filesystem::path& to) {
    if (std::filesystem::exists(to)) {
        throw std::runtime_error(to.string() + " exists already: choose a new file");
    }
    security::Keys keys = InstanceKeys(config);
    auto url = storage::ParseDbUrl(config.db);
    TempFile plain(to);
    BackupReport report;
    if (url.engine == storage::Engine::kSqlite) {
        storage::Database db(url, 1);
        storage::Database::Lease lease(db);
        std::string target = plain.path().string();
        lease.sql() << "VACUUM INTO :path", soci::use(target);
        report.engine = "sqlite";
    } else {
        RunProgram({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                    "--file=" + plain.path().string(),
                    "--dbname=" + storage::LibpqConnectionString(url.target)});
        report.engine = "postgresql";
    }
    security::EncryptFile(keys, plain.path(), to, report.engine);
    report.bytes = std::filesystem::file_size(to);
    return report;
}

void Restore(const Config& config, const std::filesystem::path& from) {
    security::Keys keys = InstanceKeys(config);
    auto url = storage::ParseDbUrl(config.db);
    if (url.engine == storage::Engine::kSqlite) {
        std::filesystem::path target(url.target);
        if (std::filesystem::exists(target) && std::filesystem::file_size(target) > 0) {
            throw std::runtime_error(target.string() +
                                     " is not empty: restore into a new database file");
        }
        if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
        TempFile plain(target);
        if (security::DecryptFile(keys, from, plain.path()) != "sqlite") {
            throw std::runtime_error(from.string() + " is a PostgreSQL backup");
        }
        std::filesystem::rename(plain.path(), target);
        return;
    }
    {
        storage::Database db(url, 1);
        storage::Database::Lease lease(db);
        long long tables = 0;
        lease.sql() << "SELECT COUNT(*) FROM information_schema.tables "
                       "WHERE table_schema = 'public'",
            soci::into(tables);
        if (tables > 0) {
            throw std::runtime_error("the database is not empty: restore into a new database");
        }
    }
    TempFile plain(from);
    if (security::DecryptFile(keys, from, plain.path()) != "postgresql") {
        throw std::runtime_error(from.string() + " is a SQLite backup");
    }
    RunProgram({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                "--dbname=" + storage::LibpqConnectionString(url.target), plain.path().string()});
}

}  // namespace parcours::cli
