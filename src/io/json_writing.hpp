// Internal: what the result writers share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parindex/core/assessment.hpp"

namespace parindex::json_detail {

inline nlohmann::ordered_json unit_json(const UnitRef& u) {
  nlohmann::ordered_json j{{"code", u.code}, {"name", u.name}};
  if (!u.level.empty()) j["level"] = u.level;
  return j;
}

// Two-space indentation; invalid UTF-8 is refused rather than written.
inline std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace parindex::json_detail
