// Checking text from outside (CSV cells, log fields) is well-formed UTF-8 before it can reach a
// JSON writer, which refuses anything else.
#pragma once

#include <cstddef>
#include <string_view>

namespace parindex {

// The offset of the first byte that is not part of well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), or std::string_view::npos when all of it is.
std::size_t invalid_utf8_at(std::string_view text) noexcept;

}  // namespace parindex
