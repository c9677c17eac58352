#pragma once
// The public information pages' server side: the leaflet PDF of each language.
#include <string>

#include "domain/result.hpp"
#include "usecases/commission.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

// The one-page leaflet of `lang` (fr, en, es, pt, ro, bg, ar, zh); 404 for another language.
domain::Result<PdfFile> InfoLeaflet(Ports& ports, const std::string& lang);

}  // namespace parcours::usecases
