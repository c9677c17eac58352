#pragma once
// The Storage port on SOCI: the same SQL on SQLite and PostgreSQL.
#include <memory>

#include "storage/audit_batcher.hpp"
#include "storage/database.hpp"
#include "storage/medium_failure.hpp"
#include "usecases/ports.hpp"

namespace parcours::storage {

class SociStorage final : public usecases::Storage {
  public:
    SociStorage(Database& db, usecases::Crypto& crypto) : db_(db), audit_(db, crypto) {}
    std::unique_ptr<usecases::UnitOfWork> Begin() override;
    std::unique_ptr<usecases::UnitOfWork> BeginRead() override;
    usecases::IntegrityReport CheckIntegrity() override;
    std::string EngineName() const override;
    std::optional<std::string> MediumFailure(const std::exception& error) const override {
        return DescribeMediumFailure(error);
    }

  private:
    Database& db_;
    AuditBatcher audit_;
};

// Instance settings (key fingerprint …), outside any use case.
std::optional<std::string> ReadSetting(Database& db, const std::string& name);
void WriteSetting(Database& db, const std::string& name, const std::string& value);

}  // namespace parcours::storage
