#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "date_caster.hpp"
#include "parindex/core/error.hpp"
#include "parindex/dossiers/dossier_tally.hpp"
#include "parindex/io/dossier_arrow.hpp"
#include "parindex/io/json.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

GroupKey key_from(const std::string& name) {
  for (GroupKey k : {GroupKey::unit, GroupKey::level, GroupKey::procedure, GroupKey::field, GroupKey::year,
                     GroupKey::quarter, GroupKey::month}) {
    if (name == to_string(k)) return k;
  }
  throw error(error_kind::argument, "group_by", "unknown key \"" + name +
                                                    "\"; expected unit, level, procedure, field, year, quarter, month");
}

DossierOptions options_from(const Date& as_of, const std::vector<std::string>& group_by, bool stop_at_first_error,
                            bool keep_late, bool receipt_day_counts, std::optional<int> cutoff_minute, int threads) {
  DossierOptions o;
  o.as_of = as_of;
  o.group_by.clear();
  for (const auto& k : group_by) o.group_by.push_back(key_from(k));
  o.stop_at_first_error = stop_at_first_error;
  o.keep_late = keep_late;
  o.convention.receipt_day_counts = receipt_day_counts;
  o.convention.cutoff_minute = cutoff_minute;
  o.threads = threads;
  return o;
}

// Pickling: a partial result travels from a Spark or Dask worker to the driver as plain tuples.
using CountsState = std::array<long long, 10>;
CountsState counts_state(const DossierCounts& c) {
  return {c.total, c.early, c.on_time, c.late, c.pending, c.pending_overdue, c.fully_online, c.paid_online, c.digitised, c.apologised};
}
DossierCounts counts_from(const CountsState& s) {
  DossierCounts c;
  c.total = s[0], c.early = s[1], c.on_time = s[2], c.late = s[3], c.pending = s[4], c.pending_overdue = s[5];
  c.fully_online = s[6], c.paid_online = s[7], c.digitised = s[8], c.apologised = s[9];
  return c;
}

py::tuple metrics_state(const DossierMetrics& m) {
  std::vector<std::string> keys;
  for (auto k : m.group_by) keys.push_back(to_string(k));
  py::list groups, rejections, late;
  for (const auto& g : m.groups) groups.append(py::make_tuple(g.key, counts_state(g.counts)));
  for (const auto& r : m.rejections) rejections.append(py::make_tuple(r.line, r.reason));
  for (const auto& l : m.late) {
    late.append(py::make_tuple(l.id, l.unit, l.level, l.procedure, l.field, l.received, l.due, l.resolved,
                               static_cast<int>(l.status), l.working_days_late, l.apologised, l.line));
  }
  return py::make_tuple(keys, groups, m.rows_read, m.rows_used, m.rows_rejected, rejections, m.rejected_by, late);
}

DossierMetrics metrics_from(const py::tuple& t) {
  if (t.size() != 8) throw error(error_kind::argument, "DossierMetrics", "not a pickled DossierMetrics");
  DossierMetrics m;
  for (const auto& k : t[0].cast<std::vector<std::string>>()) m.group_by.push_back(key_from(k));
  for (const auto& g : t[1].cast<py::list>()) {
    auto pair = g.cast<py::tuple>();
    m.groups.push_back(DossierGroup{pair[0].cast<std::vector<std::string>>(), counts_from(pair[1].cast<CountsState>())});
    m.all.add(m.groups.back().counts);
  }
  m.rows_read = t[2].cast<std::size_t>(), m.rows_used = t[3].cast<std::size_t>(), m.rows_rejected = t[4].cast<std::size_t>();
  for (const auto& r : t[5].cast<py::list>()) {
    auto pair = r.cast<py::tuple>();
    m.rejections.push_back(RejectedRow{pair[0].cast<std::size_t>(), pair[1].cast<std::string>()});
  }
  m.rejected_by = t[6].cast<std::map<std::string, std::size_t>>();
  for (const auto& item : t[7].cast<py::list>()) {
    auto f = item.cast<py::tuple>();
    LateDossier l{f[0].cast<std::string>(), f[1].cast<std::string>(), f[2].cast<std::string>(), f[3].cast<std::string>(),
                  f[4].cast<std::string>(), f[5].cast<DateTime>(), f[6].cast<Date>(), f[7].cast<std::optional<DateTime>>(),
                  static_cast<DossierStatus>(f[8].cast<int>()), f[9].cast<long>(), f[10].cast<bool>(), f[11].cast<std::size_t>()};
    m.late.push_back(std::move(l));
  }
  return m;
}

}  // namespace

void bind_dossiers(py::module_& m) {
  py::class_<DossierCounts>(m, "DossierCounts")
      .def_readonly("total", &DossierCounts::total)
      .def_readonly("early", &DossierCounts::early)
      .def_readonly("on_time", &DossierCounts::on_time)
      .def_readonly("late", &DossierCounts::late)
      .def_readonly("pending", &DossierCounts::pending)
      .def_readonly("pending_overdue", &DossierCounts::pending_overdue)
      .def_readonly("fully_online", &DossierCounts::fully_online)
      .def_readonly("paid_online", &DossierCounts::paid_online)
      .def_readonly("digitised", &DossierCounts::digitised)
      .def_readonly("apologised", &DossierCounts::apologised)
      .def_property_readonly("resolved", &DossierCounts::resolved)
      .def_property_readonly("on_time_rate", &DossierCounts::on_time_rate)
      .def_property_readonly("fully_online_share", &DossierCounts::fully_online_share)
      .def_property_readonly("paid_online_share", &DossierCounts::paid_online_share)
      .def_property_readonly("digitised_share", &DossierCounts::digitised_share)
      .def_property_readonly("apology_coverage", &DossierCounts::apology_coverage);

  py::class_<DossierGroup>(m, "DossierGroup")
      .def_readonly("key", &DossierGroup::key)
      .def_readonly("counts", &DossierGroup::counts);

  py::class_<LateDossier>(m, "LateDossier")
      .def_readonly("id", &LateDossier::id)
      .def_readonly("unit", &LateDossier::unit)
      .def_readonly("level", &LateDossier::level)
      .def_readonly("procedure", &LateDossier::procedure)
      .def_readonly("field", &LateDossier::field)
      .def_readonly("received", &LateDossier::received)
      .def_readonly("due", &LateDossier::due)
      .def_readonly("resolved", &LateDossier::resolved)
      .def_property_readonly("status", [](const LateDossier& l) { return to_string(l.status); })
      .def_readonly("working_days_late", &LateDossier::working_days_late)
      .def_readonly("apologised", &LateDossier::apologised)
      .def_readonly("line", &LateDossier::line);

  py::class_<RejectedRow>(m, "RejectedRow")
      .def_readonly("line", &RejectedRow::line)
      .def_readonly("reason", &RejectedRow::reason);

  py::class_<DossierMetrics>(m, "DossierMetrics", "Figures of a dossier log, per group.")
      .def_property_readonly("group_by", [](const DossierMetrics& d) {
        std::vector<std::string> out;
        for (auto k : d.group_by) out.push_back(to_string(k));
        return out;
      })
      .def_readonly("groups", &DossierMetrics::groups)
      .def_readonly("all", &DossierMetrics::all)
      .def_readonly("late", &DossierMetrics::late)
      .def_readonly("rows_read", &DossierMetrics::rows_read)
      .def_readonly("rows_used", &DossierMetrics::rows_used)
      .def_readonly("rows_rejected", &DossierMetrics::rows_rejected)
      .def_readonly("rejections", &DossierMetrics::rejections)
      .def_readonly("rejected_by", &DossierMetrics::rejected_by)
      .def(py::pickle([](const DossierMetrics& m) { return metrics_state(m); },
                      [](const py::tuple& t) { return metrics_from(t); }));

  m.def("read_dossiers",
        [](const std::filesystem::path& path, const WorkCalendar& calendar, const Date& as_of, const std::vector<std::string>& group_by,
           bool stop_at_first_error, bool keep_late, bool receipt_day_counts, std::optional<int> cutoff_minute, int threads) {
          DossierOptions o = options_from(as_of, group_by, stop_at_first_error, keep_late, receipt_day_counts, cutoff_minute, threads);
          py::gil_scoped_release release;
          return read_dossiers(path, calendar, o);
        },
        py::arg("path"), py::arg("calendar"), py::arg("as_of"), py::arg("group_by") = std::vector<std::string>{"unit"},
        py::arg("stop_at_first_error") = false, py::arg("keep_late") = false, py::arg("receipt_day_counts") = false,
        py::arg("cutoff_minute") = py::none(), py::arg("threads") = 2,
        "Reads a dossier log in CSV (docs/dossiers.md) into per-group figures; rows read = used + rejected.");
  m.def("read_dossiers_arrow",
        [](const py::capsule& stream, const WorkCalendar& calendar, const Date& as_of, const std::vector<std::string>& group_by,
           bool stop_at_first_error, bool keep_late, bool receipt_day_counts, std::optional<int> cutoff_minute,
           const std::string& where) {
          if (!stream.name() || std::string_view(stream.name()) != "arrow_array_stream") {
            throw error(error_kind::argument, where, "expected an \"arrow_array_stream\" capsule (from __arrow_c_stream__)");
          }
          DossierOptions o = options_from(as_of, group_by, stop_at_first_error, keep_late, receipt_day_counts, cutoff_minute, 1);
          auto* s = stream.get_pointer<ArrowArrayStream>();
          py::gil_scoped_release release;  // producers take the GIL themselves when they need it
          return read_dossiers_arrow(s, calendar, o, where);
        },
        py::arg("stream"), py::arg("calendar"), py::arg("as_of"), py::arg("group_by") = std::vector<std::string>{"unit"},
        py::arg("stop_at_first_error") = false, py::arg("keep_late") = false, py::arg("receipt_day_counts") = false,
        py::arg("cutoff_minute") = py::none(), py::arg("where") = "arrow stream",
        "Reads the record batches of an Arrow C stream capsule (taken over); parindex.read_dossiers wraps it.");
  m.def("merge_dossier_metrics", [](const std::vector<DossierMetrics>& parts) { return merge_dossier_metrics(parts); },
        py::arg("parts"), "The exact figures of parts read apart: counts per group and rows add.");
  m.def("due_day",
        [](const WorkCalendar& calendar, const DateTime& received, int working_days, bool receipt_day_counts,
           std::optional<int> cutoff_minute) {
          return due_day(calendar, received, working_days, CountingConvention{receipt_day_counts, cutoff_minute});
        },
        py::arg("calendar"), py::arg("received"), py::arg("working_days"), py::arg("receipt_day_counts") = false,
        py::arg("cutoff_minute") = py::none(), "The day a dossier received at `received` is due.");

  py::class_<ReportedValue>(m, "ReportedValue")
      .def_readonly("period", &ReportedValue::period)
      .def_readonly("value", &ReportedValue::value)
      .def_readonly("reported_on", &ReportedValue::reported_on)
      .def_readonly("source", &ReportedValue::source);
  py::class_<Target>(m, "Target")
      .def_readonly("id", &Target::id)
      .def_readonly("title", &Target::title)
      .def_readonly("metric", &Target::metric)
      .def_property_readonly("comparator", [](const Target& t) { return to_symbol(t.comparator); })
      .def_readonly("value", &Target::value)
      .def_readonly("unit", &Target::unit)
      .def_property_readonly("kind", [](const Target& t) { return t.kind == TargetKind::rate ? "rate" : "cumulative"; })
      .def_readonly("responsible", &Target::responsible)
      .def_readonly("actuals", &Target::actuals);
  py::class_<Commitment>(m, "Commitment", "Quantitative targets a unit's head signs, reported on a schedule.")
      .def_static("load", [](const std::filesystem::path& path) { return load_commitment(path); }, py::arg("path"), "Loads the document from a file (a str or any path-like); errors name the file and where in it.")
      .def_static("from_json", [](const std::string& text) { return commitment_from_json(text); }, py::arg("text"), "Reads the document from JSON text; a DocumentError or ValidationError names where it is wrong.")
      .def("to_json", [](const Commitment& c) { return to_json(c); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.")
      .def_readonly("committed_by", &Commitment::committed_by)
      .def_readonly("committed_to", &Commitment::committed_to)
      .def_readonly("number", &Commitment::number)
      .def_readonly("date", &Commitment::date)
      .def_property_readonly("unit_code", [](const Commitment& c) { return c.unit.code; })
      .def_property_readonly("unit_name", [](const Commitment& c) { return c.unit.name; })
      .def_readonly("period_first", &Commitment::period_first)
      .def_readonly("period_last", &Commitment::period_last)
      .def_readonly("targets", &Commitment::targets)
      .def("with_dossier_actuals", [](Commitment c, const DossierCounts& counts, const Date& as_of) {
        record_dossier_actuals(c, counts, as_of);
        return c;
      }, py::arg("counts"), py::arg("as_of"), "A copy whose dossier-metric targets take this quarter's figure from counts.")
      .def("__eq__", [](const Commitment& a, const Commitment& b) { return a == b; });

  py::class_<TargetReview>(m, "TargetReview")
      .def_property_readonly("id", [](const TargetReview& r) { return r.target->id; })
      .def_property_readonly("title", [](const TargetReview& r) { return r.target->title; })
      .def_property_readonly("responsible", [](const TargetReview& r) { return r.target->responsible; })
      .def_property_readonly("target", [](const TargetReview& r) {
        return std::string(to_symbol(r.target->comparator)) + " " + format_shortest(r.target->value) + r.target->unit;
      })
      .def_property_readonly("comparator", [](const TargetReview& r) { return to_symbol(r.target->comparator); })
      .def_property_readonly("target_value", [](const TargetReview& r) { return r.target->value; })
      .def_property_readonly("unit", [](const TargetReview& r) { return r.target->unit; })
      .def_property_readonly("status", [](const TargetReview& r) { return to_string(r.status); })
      .def_property_readonly("latest", [](const TargetReview& r) -> std::optional<double> {
        if (!r.latest) return std::nullopt;
        return r.latest->value;
      })
      .def_property_readonly("latest_period", [](const TargetReview& r) { return r.latest ? r.latest->period : std::string(); })
      .def_readonly("projection", &TargetReview::projection)
      .def_property_readonly("report", [](const TargetReview& r) { return to_string(r.report); })
      .def_readonly("next_report", &TargetReview::next_report)
      .def_readonly("missed_reports", &TargetReview::missed_reports)
      .def_readonly("explanation", &TargetReview::explanation);

  struct OwnedCommitmentReview {
    std::shared_ptr<Commitment> commitment;
    CommitmentReview review;
  };
  py::class_<OwnedCommitmentReview>(m, "CommitmentReview")
      .def_property_readonly("as_of", [](const OwnedCommitmentReview& r) { return r.review.as_of; })
      .def_property_readonly("targets", [](const OwnedCommitmentReview& r) { return r.review.targets; })
      .def("to_json", [](const OwnedCommitmentReview& r) { return to_json(r.review); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");
  m.def("review_commitment", [](const Commitment& c, const WorkCalendar& calendar, const Date& as_of, int horizon_days) {
    OwnedCommitmentReview out{std::make_shared<Commitment>(c), {}};
    out.review = review(*out.commitment, calendar, as_of, horizon_days);
    return out;
  }, py::arg("commitment"), py::arg("calendar"), py::arg("as_of"), py::arg("horizon_days") = 14,
        "Each target met, on track, at risk or missed, and its reports due or overdue, as of a date.");
}

}  // namespace parindex::python
