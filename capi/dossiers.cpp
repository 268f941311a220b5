// Dossier logs as metrics, as `parindex dossiers --format json` gives them.
#include "boundary.hpp"
#include "dates.hpp"
#include "handles.hpp"

using namespace parindex::capi;

namespace {

parindex::GroupKey group_key(std::string_view name) {
  using parindex::GroupKey;
  for (GroupKey k : {GroupKey::unit, GroupKey::level, GroupKey::procedure, GroupKey::field, GroupKey::year,
                     GroupKey::quarter, GroupKey::month}) {
    if (name == parindex::to_string(k)) return k;
  }
  bad_argument("group_by", "unknown key \"" + std::string(name) +
                               "\"; expected unit, level, procedure, field, year, quarter or month");
}

// "unit,level" → {unit, level}; NULL or "" → {unit}.
std::vector<parindex::GroupKey> group_keys(const char* text) {
  if (!text || !*text) return {parindex::GroupKey::unit};
  std::vector<parindex::GroupKey> keys;
  std::string_view rest(text);
  while (true) {
    const auto comma = rest.find(',');
    keys.push_back(group_key(rest.substr(0, comma)));
    if (comma == std::string_view::npos) return keys;
    rest.remove_prefix(comma + 1);
  }
}

parindex::DossierOptions options_of(const parindex_dossier_options& o) {
  parindex::DossierOptions options;
  options.as_of = to_date(o.as_of, "options.as_of");
  options.group_by = group_keys(o.group_by);
  options.convention.receipt_day_counts = o.receipt_day_counts != 0;
  if (o.cutoff_minute >= 24 * 60) bad_argument("options.cutoff_minute", "expected a minute of the day, below 1440");
  if (o.cutoff_minute >= 0) options.convention.cutoff_minute = o.cutoff_minute;
  options.stop_at_first_error = o.strict != 0;
  return options;
}

}  // namespace

extern "C" {

parindex_status parindex_dossiers_json(const char* csv_path, const parindex_calendar* calendar,
                                       const parindex_dossier_options* options, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto o = options_of(*need(options, "options"));
    const auto metrics = parindex::read_dossiers(need(csv_path, "csv_path"), need(calendar, "calendar")->value, o);
    result = caller_string(parindex::to_json(metrics, o.as_of));
  });
}

}  // extern "C"
