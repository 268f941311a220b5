// Internal: scoring rules and input values in JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parindex/core/scoring_rule.hpp"

namespace parindex::json_detail {

ScoringRule read_rule(const nlohmann::json& j, const std::string& pointer);
nlohmann::ordered_json write_rule(const ScoringRule& rule);

InputValue read_input(const nlohmann::json& j, const std::string& pointer);
nlohmann::ordered_json write_input(const InputValue& value);

}  // namespace parindex::json_detail
