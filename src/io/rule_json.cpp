#include "rule_json.hpp"

#include "parindex/core/overloaded.hpp"
#include "strict_reader.hpp"

namespace parindex::json_detail {

using nlohmann::ordered_json;

namespace {

template <class Item, class ReadItem>
std::vector<Item> read_list(const Object& o, std::string_view key, ReadItem read_item) {
  const json& arr = o.need(key);
  const std::string p = o.pointer(key);
  if (!arr.is_array()) fail(p, std::string("expected an array, got ") + type_name(arr));
  std::vector<Item> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(read_item(arr[i], pointer_append(p, i)));
  return out;
}

}  // namespace

ScoringRule read_rule(const json& j, const std::string& pointer) {
  if (!j.is_object()) fail(pointer, std::string("expected a rule object, got ") + type_name(j));
  const json* kind_json = j.contains("kind") ? &j["kind"] : nullptr;
  if (!kind_json) fail(pointer, "the required key \"kind\" is missing");
  const std::string kind = as_string(*kind_json, pointer_append(pointer, "kind"));
  if (kind == "yes_no") {
    Object o(j, pointer, {"kind"});
    return rules::YesNo{};
  }
  if (kind == "survey_index") {
    Object o(j, pointer, {"kind"});
    return rules::SurveyIndex{};
  }
  if (kind == "manual") {
    Object o(j, pointer, {"kind"});
    return rules::Manual{};
  }
  if (kind == "bands") {
    Object o(j, pointer, {"kind", "unit", "bands"});
    rules::Bands r;
    r.unit = o.string_or("unit", "");
    r.bands = read_list<rules::Bands::Band>(o, "bands", [](const json& b, const std::string& p) {
      Object band(b, p, {"range", "points"});
      rules::Bands::Band out;
      try {
        out.range = rules::Interval::parse(band.string("range"));
      } catch (const error& e) {
        fail(band.pointer("range"), e.detail());
      }
      out.points = band.non_negative("points");
      return out;
    });
    return r;
  }
  if (kind == "proportional") {
    Object o(j, pointer, {"kind", "target", "unit"});
    return rules::Proportional{o.optional_number("target"), o.string_or("unit", "")};
  }
  if (kind == "linear") {
    Object o(j, pointer, {"kind", "lower", "upper", "unit"});
    return rules::Linear{o.number("lower"), o.number("upper"), o.string_or("unit", "")};
  }
  if (kind == "graded") {
    Object o(j, pointer, {"kind", "levels"});
    rules::Graded r;
    r.levels = read_list<rules::Graded::Level>(o, "levels", [](const json& l, const std::string& p) {
      Object level(l, p, {"name", "share"});
      return rules::Graded::Level{level.string("name"), level.number("share")};
    });
    return r;
  }
  if (kind == "deduction") {
    Object o(j, pointer, {"kind", "severities"});
    rules::Deduction r;
    r.severities = read_list<rules::Deduction::Severity>(o, "severities", [](const json& s, const std::string& p) {
      Object sev(s, p, {"name", "points"});
      return rules::Deduction::Severity{sev.string("name"), sev.number("points")};
    });
    return r;
  }
  if (kind == "comparison") {
    Object o(j, pointer, {"kind", "increase", "same", "decrease"});
    rules::Comparison r;
    r.increase_share = o.optional_number("increase").value_or(1.0);
    r.same_share = o.optional_number("same").value_or(0.0);
    r.decrease_share = o.optional_number("decrease").value_or(0.0);
    return r;
  }
  fail(pointer_append(pointer, "kind"),
       "unknown rule \"" + kind + "\"; the rules are yes_no, bands, proportional, linear, graded, "
       "deduction, comparison, survey_index, manual");
}

ordered_json write_rule(const ScoringRule& rule) {
  ordered_json j;
  j["kind"] = rule.kind();
  std::visit(overloaded{
                 [](const rules::YesNo&) {},
                 [](const rules::SurveyIndex&) {},
                 [](const rules::Manual&) {},
                 [&](const rules::Bands& r) {
                   if (!r.unit.empty()) j["unit"] = r.unit;
                   j["bands"] = ordered_json::array();
                   for (const auto& b : r.bands) j["bands"].push_back({{"range", b.range.exact_str()}, {"points", b.points}});
                 },
                 [&](const rules::Proportional& r) {
                   if (r.target) j["target"] = *r.target;
                   if (!r.unit.empty()) j["unit"] = r.unit;
                 },
                 [&](const rules::Linear& r) {
                   j["lower"] = r.lower;
                   j["upper"] = r.upper;
                   if (!r.unit.empty()) j["unit"] = r.unit;
                 },
                 [&](const rules::Graded& r) {
                   j["levels"] = ordered_json::array();
                   for (const auto& l : r.levels) j["levels"].push_back({{"name", l.name}, {"share", l.share}});
                 },
                 [&](const rules::Deduction& r) {
                   j["severities"] = ordered_json::array();
                   for (const auto& s : r.severities) j["severities"].push_back({{"name", s.name}, {"points", s.points}});
                 },
                 [&](const rules::Comparison& r) {
                   j["increase"] = r.increase_share;
                   j["same"] = r.same_share;
                   j["decrease"] = r.decrease_share;
                 },
             },
             rule.variant());
  return j;
}

InputValue read_input(const json& j, const std::string& pointer) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return as_number(j, pointer);
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("occurrences")) {
    Object o(j, pointer, {"occurrences"});
    const json& counts = o.need("occurrences");
    const std::string p = o.pointer("occurrences");
    if (!counts.is_object()) fail(p, std::string("expected an object of counts per severity, got ") + type_name(counts));
    OccurrenceCounts out;
    for (const auto& [name, n] : counts.items()) {
      if (!n.is_number_integer()) fail(pointer_append(p, name), std::string("expected a whole number, got ") + type_name(n));
      // Read unsigned first: 2^63 and above would wrap to a negative long long.
      constexpr long long max_count = 1'000'000'000;
      if (n.is_number_unsigned() && n.get<unsigned long long>() > static_cast<unsigned long long>(max_count)) {
        fail(pointer_append(p, name), "a count above 1000000000 (got " + n.dump() + ")");
      }
      long long v = n.get<long long>();
      if (v < 0) fail(pointer_append(p, name), "a count cannot be negative");
      out[name] = v;
    }
    return out;
  }
  if (j.is_object() && (j.contains("actual") || j.contains("target"))) {
    Object o(j, pointer, {"actual", "target"});
    return Progress{o.number("actual"), o.number("target")};
  }
  if (j.is_object()) {
    Object o(j, pointer, {"current", "previous"});
    return PeriodComparison{o.number("current"), o.number("previous")};
  }
  fail(pointer, std::string("expected true/false, a number, a level name, {\"current\", \"previous\"}, "
                            "{\"actual\", \"target\"} or {\"occurrences\": {...}}, got ") + type_name(j));
}

ordered_json write_input(const InputValue& value) {
  return std::visit(overloaded{
                        [](bool b) { return ordered_json(b); },
                        [](double d) { return ordered_json(d); },
                        [](const std::string& s) { return ordered_json(s); },
                        [](const PeriodComparison& c) { return ordered_json{{"current", c.current}, {"previous", c.previous}}; },
                        [](const OccurrenceCounts& c) { return ordered_json{{"occurrences", ordered_json(c)}}; },
                        [](const Progress& p) { return ordered_json{{"actual", p.actual}, {"target", p.target}}; },
                    },
                    value);
}

}  // namespace parindex::json_detail
