// The calendar and options the dossier tests read their logs with.
#pragma once

#include <utility>
#include <vector>

#include "parindex/calendar/work_calendar.hpp"
#include "parindex/dossiers/dossier_log.hpp"

namespace dossier_fixtures {

inline const parindex::WorkCalendar& calendar() {
  static const parindex::WorkCalendar cal = parindex::vietnam_calendar(2023, 2025);
  return cal;
}

// Reviewed on 10 May 2024, grouped by `by`.
inline parindex::DossierOptions options(std::vector<parindex::GroupKey> by = {parindex::GroupKey::unit}) {
  parindex::DossierOptions o;
  o.as_of = parindex::parse_iso_date("2024-05-10");
  o.group_by = std::move(by);
  return o;
}

}  // namespace dossier_fixtures
