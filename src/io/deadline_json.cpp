#include "deadline_json.hpp"

#include "strict_reader.hpp"

namespace parindex::json_detail {

using nlohmann::ordered_json;

Date read_date(const json& j, const std::string& pointer) {
  try {
    return parse_iso_date(as_string(j, pointer));
  } catch (const error& e) {
    if (e.where().empty()) fail(pointer, e.detail());
    throw;
  }
}

DeadlineSpec read_deadline(const json& j, const std::string& pointer) {
  if (!j.is_object()) fail(pointer, std::string("expected a deadline object, got ") + type_name(j));
  if (!j.contains("kind")) fail(pointer, "the required key \"kind\" is missing");
  const std::string kind = as_string(j["kind"], pointer_append(pointer, "kind"));
  DeadlineSpec spec;
  auto common = [&](const Object& o) {
    spec.text = o.string_or("text", "");
    std::string roll = o.string_or("roll", "next_working_day");
    if (roll == "next_working_day") spec.roll = Roll::next_working_day;
    else if (roll == "keep") spec.roll = Roll::keep;
    else if (roll == "previous_working_day") spec.roll = Roll::previous_working_day;
    else fail(o.pointer("roll"), "expected next_working_day, keep or previous_working_day, got \"" + roll + "\"");
  };
  auto day_of_month = [&](const Object& o, std::string_view key, int max) {
    int v = o.integer(key);
    if (v < 1 || v > max) fail(o.pointer(key), "expected a whole number from 1 to " + std::to_string(max));
    return v;
  };
  if (kind == "fixed") {
    Object o(j, pointer, {"kind", "date", "roll", "text"});
    common(o);
    spec.rule = deadlines::Fixed{read_date(o.need("date"), o.pointer("date"))};
  } else if (kind == "after_event") {
    Object o(j, pointer, {"kind", "event", "days", "working_days", "roll", "text"});
    common(o);
    int days = o.integer("days");
    if (days < 0 || days > 3660) fail(o.pointer("days"), "expected a whole number of days from 0 to 3660");
    spec.rule = deadlines::AfterEvent{o.string("event"), days, o.boolean_or("working_days", false)};
  } else if (kind == "quarterly") {
    Object o(j, pointer, {"kind", "day", "roll", "text"});
    common(o);
    spec.rule = deadlines::Quarterly{day_of_month(o, "day", 30)};
  } else if (kind == "annual") {
    Object o(j, pointer, {"kind", "day", "month", "roll", "text"});
    common(o);
    int month = day_of_month(o, "month", 12);
    int day = day_of_month(o, "day", month == 2 ? 28 : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31);
    spec.rule = deadlines::Annual{day, month};
  } else if (kind == "within_month") {
    Object o(j, pointer, {"kind", "year", "month", "roll", "text"});
    common(o);
    int year = o.integer("year");
    if (year < 1900 || year > 2999) fail(o.pointer("year"), "expected a year from 1900 to 2999");
    spec.rule = deadlines::WithinMonth{year, day_of_month(o, "month", 12)};
  } else {
    fail(pointer_append(pointer, "kind"),
         "unknown deadline \"" + kind + "\"; the kinds are fixed, after_event, quarterly, annual, within_month");
  }
  return spec;
}

ordered_json write_deadline(const DeadlineSpec& spec) {
  ordered_json j;
  j["kind"] = spec.kind();
  std::visit([&](const auto& r) {
    using T = std::decay_t<decltype(r)>;
    if constexpr (std::is_same_v<T, deadlines::Fixed>) {
      j["date"] = to_iso(r.date);
    } else if constexpr (std::is_same_v<T, deadlines::AfterEvent>) {
      j["event"] = r.event;
      j["days"] = r.days;
      if (r.working_days) j["working_days"] = true;
    } else if constexpr (std::is_same_v<T, deadlines::Quarterly>) {
      j["day"] = r.day;
    } else if constexpr (std::is_same_v<T, deadlines::Annual>) {
      j["day"] = r.day;
      j["month"] = r.month;
    } else {
      j["year"] = r.year;
      j["month"] = r.month;
    }
  }, spec.rule);
  if (spec.roll != Roll::next_working_day) j["roll"] = to_string(spec.roll);
  if (!spec.text.empty()) j["text"] = spec.text;
  return j;
}

}  // namespace parindex::json_detail
