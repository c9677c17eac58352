#pragma once
// The Storage port on SOCI: the same SQL on SQLite and PostgreSQL.
#include <memory>

#include "storage/database.hpp"
#include "usecases/ports.hpp"

namespace parcours::storage {

class SociStorage final : public usecases::Storage {
  public:
    explicit SociStorage(Database& db) : db_(db) {}
    std::unique_ptr<usecases::UnitOfWork> Begin() override;
    usecases::IntegrityReport CheckIntegrity() override;
    std::string EngineName() const override;

  private:
    Database& db_;
};

// Instance settings (key fingerprint …), outside any use case.
std::optional<std::string> ReadSetting(Database& db, const std::string& name);
void WriteSetting(Database& db, const std::string& name, const std::string& value);

}  // namespace parcours::storage
