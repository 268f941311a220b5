// Internal: deadline specifications in JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parindex/plans/deadline.hpp"

namespace parindex::json_detail {

DeadlineSpec read_deadline(const nlohmann::json& j, const std::string& pointer);
nlohmann::ordered_json write_deadline(const DeadlineSpec& spec);
Date read_date(const nlohmann::json& j, const std::string& pointer);

}  // namespace parindex::json_detail
