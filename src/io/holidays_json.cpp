// Holiday schedules as JSON documents (data/calendars/vn/2024.json is one).
#include "parindex/calendar/holidays.hpp"
#include "parindex/io/json.hpp"
#include "strict_reader.hpp"
#include "deadline_json.hpp"

namespace parindex {

namespace {
using namespace json_detail;
namespace greg = boost::gregorian;
}  // namespace

HolidaySchedule holidays_from_json(std::string_view text, const std::string& source) {
  return located(source, [&] {
    json root = parse_document(text, holidays_schema);
    Object doc(root, "", {"schema", "country", "year", "applies_to", "sources", "days_off", "working_days", "notes"});
    check_schema(doc, holidays_schema);
    HolidaySchedule s;
    s.country = doc.string("country");
    s.year = doc.integer("year");
    if (s.year < 1900 || s.year > 2999) fail(doc.pointer("year"), "expected a year from 1900 to 2999");
    s.applies_to = doc.string_or("applies_to", "");
    s.sources = doc.strings("sources");
    if (s.sources.empty()) fail(doc.pointer(), "a schedule must cite at least one source in \"sources\"");
    s.notes = doc.string_or("notes", "");
    auto list = [&](std::string_view key) -> const json* {
      const json* v = doc.find(key);
      if (v && !v->is_array()) fail(doc.pointer(key), std::string("expected an array, got ") + type_name(*v));
      return v;
    };
    auto basis_projected = [](const Object& o) {
      std::string basis = o.string("basis");
      if (basis != "announced" && basis != "statutory" && basis != "projected") {
        fail(o.pointer("basis"), "expected \"announced\", \"statutory\" or \"projected\", got \"" + basis + "\"");
      }
      return basis == "projected";
    };
    auto in_year = [&](const Date& d, const std::string& pointer) {
      // Breaks may reach a day into a neighbouring year (New Year from 31/12), no further.
      if (d < Date(s.year - 1, 12, 1) || d > Date(s.year + 1, 1, 31)) fail(pointer, to_iso(d) + " is far from year " + std::to_string(s.year));
    };
    if (const json* days = list("days_off")) {
      for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string p = pointer_append(doc.pointer("days_off"), i);
        Object o((*days)[i], p, {"date", "from", "to", "name", "basis", "note"});
        std::string name = o.string("name");
        bool projected = basis_projected(o);
        if (o.find("date")) {
          if (o.find("from") || o.find("to")) fail(p, "give either \"date\" or \"from\" and \"to\"");
          Date d = read_date(o.need("date"), o.pointer("date"));
          in_year(d, o.pointer("date"));
          s.days_off.push_back({d, name, projected});
        } else {
          Date from = read_date(o.need("from"), o.pointer("from"));
          Date to = read_date(o.need("to"), o.pointer("to"));
          in_year(from, o.pointer("from"));
          in_year(to, o.pointer("to"));
          if (to < from || (to - from).days() > 31) fail(p, "\"to\" must follow \"from\" within a month");
          for (Date d = from; d <= to; d += greg::days(1)) s.days_off.push_back({d, name, projected});
        }
      }
    }
    if (const json* days = list("working_days")) {
      for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string p = pointer_append(doc.pointer("working_days"), i);
        Object o((*days)[i], p, {"date", "name", "basis"});
        Date d = read_date(o.need("date"), o.pointer("date"));
        in_year(d, o.pointer("date"));
        bool projected = o.find("basis") ? basis_projected(o) : false;
        s.working_days.push_back({d, o.string("name"), projected});
      }
    }
    return s;
  });
}

HolidaySchedule load_holidays(const std::filesystem::path& path) {
  return holidays_from_json(read_text_file(path), path.string());
}

}  // namespace parindex
