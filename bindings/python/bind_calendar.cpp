#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "date_caster.hpp"
#include "parindex/core/error.hpp"
#include "parindex/calendar/holidays.hpp"
#include "parindex/io/json.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/calendar/work_calendar.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

// Python weekdays: Monday = 0 ... Sunday = 6; Boost: Sunday = 0 ... Saturday = 6.
std::array<bool, 7> weekend_from(const std::vector<int>& python_weekdays) {
  std::array<bool, 7> w{};
  for (int d : python_weekdays) {
    if (d < 0 || d > 6) throw error(error_kind::argument, "weekend", "weekdays run from 0 (Monday) to 6 (Sunday)");
    w[static_cast<std::size_t>((d + 1) % 7)] = true;
  }
  return w;
}

}  // namespace

void bind_calendar(py::module_& m) {
  py::class_<LunarDate>(m, "LunarDate", "A date of the Vietnamese lunar calendar (UTC+7).")
      .def(py::init([](int year, unsigned month, unsigned day, bool leap) {
             const LunarDate l{year, month, day, leap};
             // Whether that year has the day (or the leap month) is known only by converting.
             if (!l.ok()) throw error(error_kind::argument, "lunar date " + l.str(), "expected a month 1–12 and a day 1–30");
             return l;
           }),
           py::arg("year"), py::arg("month"), py::arg("day"), py::arg("leap") = false)
      .def_readonly("year", &LunarDate::year)
      .def_readonly("month", &LunarDate::month)
      .def_readonly("day", &LunarDate::day)
      .def_readonly("leap", &LunarDate::leap)
      .def("__str__", &LunarDate::str)
      .def("__eq__", [](const LunarDate& a, const LunarDate& b) { return a == b; })
      .def("__hash__", [](const LunarDate& l) { return py::hash(py::make_tuple(l.year, l.month, l.day, l.leap)); });

  m.def("to_lunar", [](const Date& d, double utc_offset_hours) { return to_lunar(d, utc_offset_hours); }, py::arg("date"),
        py::arg("utc_offset_hours") = 7.0, "A Gregorian date as a lunar date (Vietnam's calendar at UTC+7 by default).");
  m.def("from_lunar",
        [](int year, unsigned month, unsigned day, bool leap, double utc_offset_hours) {
          return from_lunar(LunarDate{year, month, day, leap}, utc_offset_hours);
        },
        py::arg("year"), py::arg("month"), py::arg("day"), py::arg("leap") = false, py::arg("utc_offset_hours") = 7.0,
        "A lunar date as a Gregorian date; raises ArgumentError when that lunar date does not exist.");

  py::class_<DayOff>(m, "DayOff")
      .def(py::init([](const Date& d, std::string name, bool projected) { return DayOff{d, std::move(name), projected}; }),
           py::arg("date"), py::arg("name"), py::arg("projected") = false)
      .def_readonly("date", &DayOff::date)
      .def_readonly("name", &DayOff::name)
      .def_readonly("projected", &DayOff::projected);
  py::class_<WorkingDay>(m, "WorkingDay")
      .def(py::init([](const Date& d, std::string name) { return WorkingDay{d, std::move(name), false}; }), py::arg("date"),
           py::arg("name"))
      .def_readonly("date", &WorkingDay::date)
      .def_readonly("name", &WorkingDay::name)
      .def_readonly("projected", &WorkingDay::projected);

  py::class_<WorkCalendar>(m, "WorkCalendar", "An immutable working-day calendar; compositions return new calendars.")
      .def_static("vietnam", &vietnam_calendar, py::arg("first_year"), py::arg("last_year"),
                  "Vietnam's calendar for public bodies: announced schedules where shipped, projected elsewhere.")
      .def_static("from_days",
                  [](const std::string& name, int first_year, int last_year, const std::vector<DayOff>& days_off,
                     const std::vector<WorkingDay>& working_days, const std::vector<int>& weekend) {
                    CalendarRules r;
                    r.name = name;
                    r.first_year = first_year;
                    r.last_year = last_year;
                    r.weekend = weekend_from(weekend);
                    r.days_off = days_off;
                    r.working_days = working_days;
                    return WorkCalendar(std::move(r));
                  },
                  py::arg("name"), py::arg("first_year"), py::arg("last_year"), py::arg("days_off") = std::vector<DayOff>{},
                  py::arg("working_days") = std::vector<WorkingDay>{}, py::arg("weekend") = std::vector<int>{5, 6},
                  "A calendar of one's own over [first_year, last_year]: these days off and weekend days worked;\n"
                  "weekend days numbered 0 (Monday) to 6 (Sunday), Saturday and Sunday by default.")
      // Pickled as its rules, so a calendar travels to Spark or Dask workers.
      .def(py::pickle(
          [](const WorkCalendar& c) {
            const CalendarRules& r = c.rules();
            py::list days_off, working_days;
            for (const auto& d : r.days_off) days_off.append(py::make_tuple(d.date, d.name, d.projected));
            for (const auto& d : r.working_days) working_days.append(py::make_tuple(d.date, d.name, d.projected));
            return py::make_tuple(r.name, r.first_year, r.last_year, r.weekend, days_off, working_days, r.sources);
          },
          [](const py::tuple& t) {
            if (t.size() != 7) throw error(error_kind::argument, "WorkCalendar", "not a pickled WorkCalendar");
            CalendarRules r;
            r.name = t[0].cast<std::string>();
            r.first_year = t[1].cast<int>();
            r.last_year = t[2].cast<int>();
            r.weekend = t[3].cast<std::array<bool, 7>>();
            for (const auto& d : t[4].cast<py::list>()) {
              auto f = d.cast<py::tuple>();
              r.days_off.push_back(DayOff{f[0].cast<Date>(), f[1].cast<std::string>(), f[2].cast<bool>()});
            }
            for (const auto& d : t[5].cast<py::list>()) {
              auto f = d.cast<py::tuple>();
              r.working_days.push_back(WorkingDay{f[0].cast<Date>(), f[1].cast<std::string>(), f[2].cast<bool>()});
            }
            r.sources = t[6].cast<std::vector<std::string>>();
            return WorkCalendar(std::move(r));
          }))
      .def_property_readonly("name", &WorkCalendar::name)
      .def_property_readonly("first_year", &WorkCalendar::first_year)
      .def_property_readonly("last_year", &WorkCalendar::last_year)
      .def_property_readonly("sources", [](const WorkCalendar& c) { return c.rules().sources; })
      .def("covers", &WorkCalendar::covers, py::arg("date"), "Whether the calendar's years hold the date.")
      .def("is_working_day", &WorkCalendar::is_working_day, py::arg("date"), "Whether public bodies work that day (weekends and days off are not; weekend days worked are).")
      .def("day_off", [](const WorkCalendar& c, const Date& d) -> std::optional<DayOff> {
        const DayOff* off = c.day_off(d);
        if (!off) return std::nullopt;
        return *off;
      }, py::arg("date"), "The DayOff on that date, or None for a day that is not one.")
      .def("days_off", &WorkCalendar::days_off, py::arg("year"), "The days off of a year (holidays and bridge days), in date order.")
      .def("working_days", &WorkCalendar::working_days, py::arg("year"), "The weekend days worked in a year (to make up for bridge days).")
      .def("next_working_day", &WorkCalendar::next_working_day, py::arg("date"), "The first working day after the date.")
      .def("previous_working_day", &WorkCalendar::previous_working_day, py::arg("date"), "The last working day before the date.")
      .def("roll_forward", &WorkCalendar::roll_forward, py::arg("date"), "The date itself if a working day, else the next working day.")
      .def("roll_backward", &WorkCalendar::roll_backward, py::arg("date"), "The date itself if a working day, else the previous working day.")
      .def("add_working_days", &WorkCalendar::add_working_days, py::arg("date"), py::arg("n"), "The n-th working day after the date (before it for n < 0).")
      .def("count_working_days", &WorkCalendar::count_working_days, py::arg("start"), py::arg("end"),
           "Working days d with start <= d < end, as numpy.busday_count.")
      .def("with_days_off", &WorkCalendar::with_days_off, py::arg("days_off"), py::arg("name"), "A copy with these days off added (a province's extra holiday, say), named name.")
      .def("with_working_days", &WorkCalendar::with_working_days, py::arg("working_days"), py::arg("name"), "A copy with these weekend days worked added, named name.")
      .def("with_weekend", [](const WorkCalendar& c, const std::vector<int>& weekend, const std::string& name) {
        return c.with_weekend(weekend_from(weekend), name);
      }, py::arg("weekend"), py::arg("name"), "weekend: Python weekday numbers, Monday = 0 ... Sunday = 6")
      .def("with_holidays_file", [](const WorkCalendar& c, const std::filesystem::path& path) {
        HolidaySchedule s = load_holidays(path);
        return c.with_days_off(s.days_off, c.name() + " + " + path.string()).with_working_days(s.working_days, c.name() + " + " + path.string());
      }, py::arg("path"), "Adds a parindex.holidays/1 schedule, such as a province's extra days off.");
  m.def("joint", &joint, py::arg("a"), py::arg("b"), py::arg("name") = "",
        "A calendar whose working days are working days in both.");
  m.def("vietnam_announced_years", &vietnam_announced_years, "The years whose holiday schedule was announced and is shipped; other years are projected from the Labour Code.");
}

}  // namespace parindex::python
