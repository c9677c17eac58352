#pragma once
// The DocumentRenderer port on cairo + pango: A4 PDF documents in DejaVu Sans (minutes of a
// commission session, decision letters). Each document is laid out first, then paginated and
// drawn, so that every page carries "Page N / M" in its footer.
//
// Stateless: every call creates its own font map, PDF surface and layouts, so one renderer may be
// used from several threads at once. Text is passed to pango as plain text (never as markup), after
// invalid UTF-8 has been replaced. Throws std::runtime_error when cairo reports an error.
#include <string>

#include "usecases/documents.hpp"

namespace parcours::documents {

class CairoPdfRenderer final : public usecases::DocumentRenderer {
  public:
    std::string MinutesPdf(const usecases::MinutesData& minutes) override;
    std::string DecisionLetterPdf(const usecases::DecisionLetterData& letter) override;
    std::string LeafletPdf(const usecases::LeafletData& leaflet) override;
};

}  // namespace parcours::documents
