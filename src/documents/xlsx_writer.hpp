#pragma once
// The SpreadsheetWriter port with libxlsxwriter: .xlsx workbooks (statistics exports).
#include "usecases/documents.hpp"

namespace parcours::documents {

class XlsxWriter final : public usecases::SpreadsheetWriter {
  public:
    // Throws std::runtime_error when the workbook cannot be written.
    std::string Xlsx(const usecases::Workbook& workbook) override;
};

}  // namespace parcours::documents
