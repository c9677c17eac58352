#pragma once
// Which database errors are failures of the storage medium (disk full, file too large, I/O
// error) rather than of the request or of the code: those answer 503, never 500.
#include <exception>
#include <optional>
#include <string>

namespace parcours::storage {

// A short description for the log ("sqlite: disk full"), free of SQL and bound values; empty
// when `error` is anything else.
std::optional<std::string> DescribeMediumFailure(const std::exception& error);

}  // namespace parcours::storage
