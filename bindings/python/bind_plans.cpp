#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "date_caster.hpp"
#include "parindex/io/json.hpp"
#include "parindex/plans/plan.hpp"

namespace py = pybind11;

namespace parindex::python {

void bind_plans(py::module_& m) {
  py::class_<DeadlineSpec>(m, "Deadline", "A deadline as documents write it; build one with Deadline.from_dict.")
      .def_static("from_json", [](const std::string& text) { return deadline_from_json(text); }, py::arg("text"), "Reads the document from JSON text; a DocumentError or ValidationError names where it is wrong.")
      .def("to_json", [](const DeadlineSpec& s) { return to_json(s); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.")
      .def_property_readonly("kind", &DeadlineSpec::kind)
      .def_property_readonly("periodic", &DeadlineSpec::periodic)
      .def_readonly("text", &DeadlineSpec::text)
      .def("describe", &DeadlineSpec::describe, "The deadline in words, e.g. \"by 2024-12-31; a day off moves it to the next working day\".")
      .def("resolve",
           [](const DeadlineSpec& s, const WorkCalendar& calendar, const std::map<std::string, Date>& events,
              const Date& first, const Date& last) -> py::object {
             DueDates due = resolve(s, calendar, events, first, last);
             if (!due.resolved()) return py::none();
             return py::cast(due.dates);
           },
           py::arg("calendar"), py::arg("events"), py::arg("first"), py::arg("last"),
           "The due dates within [first, last], or None while an event's date is unknown.")
      .def("missing_event", [](const DeadlineSpec& s, const std::map<std::string, Date>& events) -> std::optional<std::string> {
        if (auto* a = std::get_if<deadlines::AfterEvent>(&s.rule); a && !events.count(a->event)) return a->event;
        return std::nullopt;
      }, py::arg("events"), "The event a deadline waits for when events lacks its date, else None.");

  py::class_<Action>(m, "Action")
      .def_readonly("id", &Action::id)
      .def_property_readonly("criteria", [](const Action& a) {
        std::vector<std::string> out;
        for (const auto& c : a.criteria) out.push_back(c.str());
        return out;
      })
      .def_readonly("lead_agency", &Action::lead_agency)
      .def_readonly("implementing", &Action::implementing)
      .def_readonly("coordinating", &Action::coordinating)
      .def_readonly("tasks", &Action::tasks)
      .def_readonly("deadline", &Action::deadline)
      .def_property_readonly("status", [](const Action& a) { return to_string(a.status); })
      .def_readonly("evidence_required", &Action::evidence_required)
      .def_readonly("evidence", &Action::evidence)
      .def_readonly("completed_on", &Action::completed_on)
      .def_readonly("reported", &Action::reported)
      .def_readonly("note", &Action::note);

  py::class_<Plan>(m, "Plan", "A remediation plan: actions tied to the criteria that lost points.")
      .def_static("load", [](const std::filesystem::path& path) { return load_plan(path); }, py::arg("path"), "Loads the document from a file (a str or any path-like); errors name the file and where in it.")
      .def_static("from_json", [](const std::string& text) { return plan_from_json(text); }, py::arg("text"), "Reads the document from JSON text; a DocumentError or ValidationError names where it is wrong.")
      .def("to_json", [](const Plan& p) { return to_json(p); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.")
      .def_readonly("issuer", &Plan::issuer)
      .def_readonly("number", &Plan::number)
      .def_readonly("issued_on", &Plan::issued_on)
      .def_readonly("title", &Plan::title)
      .def_readonly("period_first", &Plan::period_first)
      .def_readonly("period_last", &Plan::period_last)
      .def_readonly("framework_id", &Plan::framework_id)
      .def_readonly("events", &Plan::events)
      .def_readonly("actions", &Plan::actions)
      .def("with_events", [](Plan p, const std::map<std::string, Date>& events) {
        for (const auto& [k, v] : events) p.events[k] = v;
        return p;
      }, py::arg("events"), "A copy with these event dates known.")
      .def("__eq__", [](const Plan& a, const Plan& b) { return a == b; });

  py::class_<ActionReview>(m, "ActionReview")
      .def_property_readonly("id", [](const ActionReview& r) { return r.action->id; })
      .def_property_readonly("lead_agency", [](const ActionReview& r) { return r.action->lead_agency; })
      .def_property_readonly("criteria", [](const ActionReview& r) {
        std::vector<std::string> out;
        for (const auto& c : r.action->criteria) out.push_back(c.str());
        return out;
      })
      .def_property_readonly("state", [](const ActionReview& r) { return to_string(r.state); })
      .def_readonly("due_dates", &ActionReview::due_dates)
      .def_readonly("next_due", &ActionReview::next_due)
      .def_readonly("days_overdue", &ActionReview::days_overdue)
      .def_readonly("missed", &ActionReview::missed)
      .def_readonly("missing_event", &ActionReview::missing_event);

  py::class_<AgencyLoad>(m, "AgencyLoad")
      .def_readonly("agency", &AgencyLoad::agency)
      .def_readonly("actions", &AgencyLoad::actions)
      .def_readonly("done", &AgencyLoad::done)
      .def_readonly("overdue", &AgencyLoad::overdue)
      .def_readonly("due_soon", &AgencyLoad::due_soon)
      .def_readonly("upcoming", &AgencyLoad::upcoming)
      .def_readonly("unresolved", &AgencyLoad::unresolved);

  // A review keeps pointers into its plan, so it holds the plan itself.
  struct OwnedReview {
    std::shared_ptr<Plan> plan;
    PlanReview review;
  };
  py::class_<OwnedReview>(m, "PlanReview")
      .def_property_readonly("as_of", [](const OwnedReview& r) { return r.review.as_of; })
      .def_property_readonly("horizon_days", [](const OwnedReview& r) { return r.review.horizon_days; })
      .def_property_readonly("actions", [](const OwnedReview& r) { return r.review.actions; })
      .def_property_readonly("agencies", [](const OwnedReview& r) { return r.review.agencies; })
      .def("to_json", [](const OwnedReview& r) { return to_json(r.review); }, "The document as JSON text (its schema in docs/schemas); to_dict() gives it as a dict.");

  m.def("review", [](const Plan& plan, const WorkCalendar& calendar, const Date& as_of, int horizon_days) {
    OwnedReview out{std::make_shared<Plan>(plan), {}};
    out.review = review(*out.plan, calendar, as_of, horizon_days);
    return out;
  }, py::arg("plan"), py::arg("calendar"), py::arg("as_of"), py::arg("horizon_days") = 14,
        "What is overdue, due within horizon_days, done, and the load by lead agency, as of a date.");
  m.def("draft_plan", py::overload_cast<const GapTable&, const std::string&, const Date&, const Date&>(&draft_plan),
        py::arg("gaps"), py::arg("issuer"), py::arg("period_first"), py::arg("period_last"),
        "One action per criterion that lost points, led by its lead agency, due by the end of the period.");
  m.def("draft_plan",
        py::overload_cast<const ImprovementPlan&, const std::string&, const Date&, const Date&>(&draft_plan),
        py::arg("improvement"), py::arg("issuer"), py::arg("period_first"), py::arg("period_last"),
        "One action per step of an improvement plan (parindex.improve), its task the required input.");
}

}  // namespace parindex::python
