// The exception boundary (issue 12): a dependency's exception never escapes as itself; each
// becomes a parindex::error naming where it happened.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include "parindex/io/json.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

template <class F>
void converted(F&& f, const std::string& where) {
  try {
    f();
  } catch (...) {
    rethrow_as_error(where);
  }
}

}  // namespace

TEST(ExceptionBoundary, DependencyExceptionsBecomeParindexErrors) {
  EXPECT_PARINDEX_ERROR(converted([] { (void)boost::gregorian::date(1, 1, 1); }, "period 0001"), error_kind::argument,
                        "period 0001: a value out of range: Year is out of valid range");
  EXPECT_PARINDEX_ERROR(converted([] { (void)nlohmann::json("x").get<int>(); }, "doc.json"), error_kind::document,
                        "doc.json: [json.exception.type_error.302]");
  EXPECT_PARINDEX_ERROR(converted([] { throw std::bad_alloc(); }, "log.csv"), error_kind::io, "log.csv: out of memory");
  // A parindex::error passes through unchanged.
  EXPECT_PARINDEX_ERROR(converted([] { throw error(error_kind::validation, "criterion 1", "max"); }, "elsewhere"),
                        error_kind::validation, "criterion 1: max");
}

TEST(ExceptionBoundary, LoadersNeverLetADependencyThrough) {
  // Inputs that once reached Boost or nlohmann unchecked: each is a parindex::error now.
  for (const char* text : {R"({"kind": "fixed", "date": "0001-01-01"})", R"({"kind": "annual", "day": 1e400, "month": 1})",
                           R"({"kind": "within_month", "year": 99999999999, "month": 1})", "\xff"}) {
    SCOPED_TRACE(text);
    try {
      deadline_from_json(text);
    } catch (const error&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "escaped: " << e.what();
    }
  }
}
