/* parindex's C interface: the C++ library behind opaque handles, for C, Java (JNA), C#, Go and
 * any language with a C foreign-function interface. See docs/c-abi.md.
 *
 * Rules that hold for every function here:
 * - Strings are UTF-8. Input strings are NUL-terminated unless a length is passed with them.
 * - Every function that can fail returns a parindex_status. On failure it records, for the
 *   calling thread, what went wrong (parindex_last_error_*: the same kind, where and detail as
 *   the C++ library's parindex::error) and sets its out-parameter to NULL (handles, strings) or
 *   leaves it untouched (numbers, dates). No C++ exception or type crosses this boundary.
 * - A NULL handle, string or out-parameter is PARINDEX_ERROR_ARGUMENT, never a crash.
 * - Handles are immutable once made: one may be used from many threads at once. Each is
 *   released by its own parindex_*_free, which accepts NULL.
 * - Strings returned through a `char**` belong to the caller: release them with
 *   parindex_string_free. Strings returned as `const char*` belong to the library; each says
 *   how long it lives.
 * - Dates are parindex_date values {year, month, day} of the Gregorian calendar, passed by
 *   value; inside JSON documents they are ISO strings ("2024-02-10").
 */
#ifndef PARINDEX_PARINDEX_H
#define PARINDEX_PARINDEX_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(PARINDEX_C_BUILDING)
#    define PARINDEX_C_EXPORT __declspec(dllexport)
#  else
#    define PARINDEX_C_EXPORT __declspec(dllimport)
#  endif
#else
#  define PARINDEX_C_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------------------ */

/* The version of this interface as MAJOR * 1000 + MINOR. MINOR grows when functions are added,
 * MAJOR when anything is changed or removed (a function, a struct's layout, an enum's values);
 * the shared library's SONAME carries MAJOR. */
#define PARINDEX_C_API_VERSION_MAJOR 1
#define PARINDEX_C_API_VERSION_MINOR 0
#define PARINDEX_C_API_VERSION (PARINDEX_C_API_VERSION_MAJOR * 1000 + PARINDEX_C_API_VERSION_MINOR)

/* The interface version of the library actually loaded. */
PARINDEX_C_EXPORT int parindex_c_api_version(void);
/* 1 when the loaded library serves a caller built against `header_version` (the same MAJOR,
 * and a MINOR at least as high), else 0. Call it as PARINDEX_C_API_COMPATIBLE() at start-up. */
PARINDEX_C_EXPORT int parindex_c_api_compatible(int header_version);
#define PARINDEX_C_API_COMPATIBLE() parindex_c_api_compatible(PARINDEX_C_API_VERSION)
/* The C++ library's version, "0.1.0". Static storage: never freed. */
PARINDEX_C_EXPORT const char* parindex_library_version(void);

/* ---- Status and errors -------------------------------------------------------------------- */

typedef enum parindex_status {
  PARINDEX_OK = 0,
  PARINDEX_ERROR_DOCUMENT = 1,   /* malformed JSON or CSV, wrong type, unknown key, unsupported schema */
  PARINDEX_ERROR_VALIDATION = 2, /* well-formed input that breaks a rule: sums, duplicates, scores above max */
  PARINDEX_ERROR_ARGUMENT = 3,   /* a call that cannot be honoured: NULL, a date that does not exist, mixed years */
  PARINDEX_ERROR_IO = 4,         /* a file that cannot be read */
  PARINDEX_ERROR_MEMORY = 5,     /* out of memory */
  PARINDEX_ERROR_INTERNAL = 6,   /* anything else: a bug in parindex, please report it */
  /* Never returned: they make every int a valid value of the type, so a caller passing any
   * number (from Java, say) cannot put the library outside the language's rules. */
  PARINDEX_STATUS_INT_MIN_ = -2147483647 - 1,
  PARINDEX_STATUS_INT_MAX_ = 2147483647
} parindex_status;

/* "ok", "document", "validation", "argument", "io", "memory", "internal" ("unknown" for other
 * values). Static storage. */
PARINDEX_C_EXPORT const char* parindex_status_name(parindex_status status);

/* The calling thread's last error. Every function that returns a parindex_status clears it
 * first, so after a success these give PARINDEX_OK and empty strings. The strings are never
 * NULL; they belong to the library and stay valid until the thread's next parindex call
 * (other than these four). */
PARINDEX_C_EXPORT parindex_status parindex_last_error_status(void);
/* Where: the file, line, JSON pointer or criterion code, or for a bad call the function and
 * argument ("parindex_evaluate: framework"). */
PARINDEX_C_EXPORT const char* parindex_last_error_where(void);
/* What was expected ("unknown key", "must not be NULL"). */
PARINDEX_C_EXPORT const char* parindex_last_error_detail(void);
/* "where: detail", or the detail alone when where is empty. */
PARINDEX_C_EXPORT const char* parindex_last_error_message(void);

/* Releases a string the library returned through a `char**`. NULL is fine. */
PARINDEX_C_EXPORT void parindex_string_free(char* text);

/* ---- Dates -------------------------------------------------------------------------------- */

/* A Gregorian date. One that does not exist (2023-02-29) is PARINDEX_ERROR_ARGUMENT. */
typedef struct parindex_date {
  int year;
  int month; /* 1..12 */
  int day;   /* 1..31 */
} parindex_date;

/* A Vietnamese lunar date. `year` is the Gregorian year in which that lunar year begins (Tết);
 * `leap` is 1 for a leap month (tháng nhuận), which repeats the number of the month before. */
typedef struct parindex_lunar_date {
  int year;
  int month; /* 1..12 */
  int day;   /* 1..30 */
  int leap;  /* 0 or 1 */
} parindex_lunar_date;

/* ---- Documents ---------------------------------------------------------------------------- */

typedef struct parindex_framework parindex_framework;   /* a criteria tree of one index and period */
typedef struct parindex_assessment parindex_assessment; /* one unit's inputs and scores for a year */
typedef struct parindex_plan parindex_plan;             /* a remediation plan */
typedef struct parindex_commitment parindex_commitment; /* a unit head's signed targets */

/* Each document type is read from JSON text (`length` bytes, not NUL-terminated necessarily;
 * `source` names it in error messages and may be NULL) or from a file. Errors: DOCUMENT naming
 * the JSON pointer (and line and column for a syntax error), VALIDATION naming the criterion,
 * IO for a file that cannot be read. The handle belongs to the caller: release it with the
 * matching *_free. */
PARINDEX_C_EXPORT parindex_status parindex_framework_from_json(const char* text, size_t length, const char* source,
                                                               parindex_framework** out);
PARINDEX_C_EXPORT parindex_status parindex_framework_load(const char* path, parindex_framework** out);
PARINDEX_C_EXPORT void parindex_framework_free(parindex_framework* framework);

PARINDEX_C_EXPORT parindex_status parindex_assessment_from_json(const char* text, size_t length, const char* source,
                                                                parindex_assessment** out);
PARINDEX_C_EXPORT parindex_status parindex_assessment_load(const char* path, parindex_assessment** out);
PARINDEX_C_EXPORT void parindex_assessment_free(parindex_assessment* assessment);

PARINDEX_C_EXPORT parindex_status parindex_plan_from_json(const char* text, size_t length, const char* source,
                                                          parindex_plan** out);
PARINDEX_C_EXPORT parindex_status parindex_plan_load(const char* path, parindex_plan** out);
PARINDEX_C_EXPORT void parindex_plan_free(parindex_plan* plan);

PARINDEX_C_EXPORT parindex_status parindex_commitment_from_json(const char* text, size_t length, const char* source,
                                                                parindex_commitment** out);
PARINDEX_C_EXPORT parindex_status parindex_commitment_load(const char* path, parindex_commitment** out);
PARINDEX_C_EXPORT void parindex_commitment_free(parindex_commitment* commitment);

/* ---- Scorecards, rankings, gaps ----------------------------------------------------------- */

typedef struct parindex_scorecard parindex_scorecard; /* an assessment evaluated */
typedef struct parindex_batch parindex_batch;         /* many assessments evaluated in one pass */

/* The headline figures of one unit, as the framework's rounding policy leaves them. */
typedef struct parindex_totals {
  double max_points;    /* the scale's maximum (not-applicable points excluded): 99.50 */
  double achieved;      /* the fields' points before bonus and penalty */
  double bonus;         /* counted, after the framework's cap */
  double penalty;
  double total;         /* achieved + bonus − penalty, at least 0: 84.87 */
  double index_percent; /* total ÷ max × 100, unrounded: print it at `decimals` (85.30) */
  int decimals;         /* the framework's rounding decimals */
} parindex_totals;

/* How ranked units are grouped. */
typedef enum parindex_grouping {
  PARINDEX_GROUPS_NONE = 0,
  PARINDEX_GROUPS_NATIONAL = 1, /* PAR INDEX 2023–2024: A at ≥ 90%, B from 80% */
  PARINDEX_GROUPS_QUARTILES = 2, /* PAPI: highest, high-average, low-average, lowest */
  /* Not groupings: every int a valid value, so a wrong one is an ARGUMENT error. */
  PARINDEX_GROUPS_INT_MIN_ = -2147483647 - 1,
  PARINDEX_GROUPS_INT_MAX_ = 2147483647
} parindex_grouping;

/* Evaluates an assessment against its framework. VALIDATION names the criterion when the
 * assessment does not fit (unknown code, score above max, no score). The scorecard belongs to
 * the caller and does not refer to its inputs: they may be freed before it. */
PARINDEX_C_EXPORT parindex_status parindex_evaluate(const parindex_framework* framework,
                                                    const parindex_assessment* assessment, parindex_scorecard** out);
PARINDEX_C_EXPORT void parindex_scorecard_free(parindex_scorecard* scorecard);
PARINDEX_C_EXPORT parindex_status parindex_scorecard_totals(const parindex_scorecard* scorecard, parindex_totals* out);
/* The unit's code ("bac-son"). Owned by the scorecard: valid until it is freed. */
PARINDEX_C_EXPORT parindex_status parindex_scorecard_unit(const parindex_scorecard* scorecard, const char** out);
/* The scorecard as a parindex.scorecard JSON document (docs/documents.md). Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_scorecard_json(const parindex_scorecard* scorecard, char** out);
/* Its gap table (criteria below their max, most points lost first) as parindex.gaps JSON. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_gaps_json(const parindex_scorecard* scorecard, char** out);
/* Ranks `count` scorecards of one framework and year by index %, as parindex.ranking JSON.
 * Units equal at `tie_decimals` places share a rank; a negative value means the scorecards'
 * rounding decimals. ARGUMENT when they mix frameworks or years or repeat a unit. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_rank_json(const parindex_scorecard* const* scorecards, size_t count,
                                                     parindex_grouping grouping, int tie_decimals, char** out);

/* Evaluates `count` assessments of one framework and year in one pass (the batch kernel).
 * ARGUMENT or VALIDATION naming the unit and criterion of the first problem. The batch belongs
 * to the caller and keeps what it needs of its inputs. */
PARINDEX_C_EXPORT parindex_status parindex_evaluate_many(const parindex_framework* framework,
                                                         const parindex_assessment* const* assessments, size_t count,
                                                         parindex_batch** out);
PARINDEX_C_EXPORT void parindex_batch_free(parindex_batch* batch);
/* The number of units in the batch. */
PARINDEX_C_EXPORT parindex_status parindex_batch_size(const parindex_batch* batch, size_t* out);
/* The figures of unit `index` (in the order given). ARGUMENT when index ≥ size. */
PARINDEX_C_EXPORT parindex_status parindex_batch_totals(const parindex_batch* batch, size_t index, parindex_totals* out);
/* The explained scorecard of unit `index`, equal to parindex_evaluate's. Caller frees it. */
PARINDEX_C_EXPORT parindex_status parindex_batch_scorecard(const parindex_batch* batch, size_t index,
                                                           parindex_scorecard** out);
/* The batch ranked, as parindex.ranking JSON (tie_decimals as parindex_rank_json). Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_batch_rank_json(const parindex_batch* batch, parindex_grouping grouping,
                                                           int tie_decimals, char** out);

/* ---- Working days and the lunar calendar -------------------------------------------------- */

typedef struct parindex_calendar parindex_calendar; /* Vietnam's working days over a range of years */

/* Vietnam's calendar for public bodies from `first_year` to `last_year` (2013..2199):
 * announced holiday schedules where parindex ships them, the Labour Code's projection
 * elsewhere. VALIDATION or ARGUMENT for years outside that range or out of order. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_calendar_vietnam(int first_year, int last_year, parindex_calendar** out);
PARINDEX_C_EXPORT void parindex_calendar_free(parindex_calendar* calendar);
/* *out = 1 for a working day, 0 for a weekend day or day off. ARGUMENT outside the calendar's years. */
PARINDEX_C_EXPORT parindex_status parindex_is_working_day(const parindex_calendar* calendar, parindex_date date,
                                                          int* out);
/* The n-th working day after `date` (n > 0), before it (n < 0), or `date` itself (n = 0). */
PARINDEX_C_EXPORT parindex_status parindex_add_working_days(const parindex_calendar* calendar, parindex_date date,
                                                            int64_t n, parindex_date* out);
/* Working days d with from <= d < to (negative when to < from), as numpy's busday_count. */
PARINDEX_C_EXPORT parindex_status parindex_count_working_days(const parindex_calendar* calendar, parindex_date from,
                                                              parindex_date to, int64_t* out);

/* A Gregorian date as a Vietnamese lunar date (UTC+7), for years 1900..2199. */
PARINDEX_C_EXPORT parindex_status parindex_to_lunar(parindex_date date, parindex_lunar_date* out);
/* A lunar date as a Gregorian date. ARGUMENT when it does not exist (no such leap month that
 * year, day 30 of a 29-day month). */
PARINDEX_C_EXPORT parindex_status parindex_from_lunar(parindex_lunar_date lunar, parindex_date* out);

/* ---- Dossier logs, plans and commitments -------------------------------------------------- */

typedef struct parindex_dossier_options {
  parindex_date as_of;       /* the review date: resolutions after it count as pending */
  const char* group_by;      /* comma-separated: unit, level, procedure, field, year, quarter,
                                month; NULL or "" for "unit" */
  int receipt_day_counts;    /* nonzero: the day of receipt is the first of the working days */
  int cutoff_minute;         /* received at or after this minute of the day (17 * 60) counts as
                                received the next working day; negative: time of day ignored */
  int strict;                /* nonzero: stop with DOCUMENT at the first bad row (file:line) */
} parindex_dossier_options;

/* A one-stop dossier log (CSV, docs/dossiers.md) as metrics per group, as JSON: as_of,
 * group_by, rows {read, used, rejected, rejected_by}, groups [...], all. The calendar must cover
 * the log's dates. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_dossiers_json(const char* csv_path, const parindex_calendar* calendar,
                                                         const parindex_dossier_options* options, char** out);

/* A plan reviewed as of a date, as parindex.plan_review JSON: what is overdue, what falls due
 * within `horizon_days` calendar days, each lead agency's load. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_plan_review_json(const parindex_plan* plan,
                                                            const parindex_calendar* calendar, parindex_date as_of,
                                                            int horizon_days, char** out);
/* Each target's status as of a date, as parindex.commitment_review JSON. Caller frees. */
PARINDEX_C_EXPORT parindex_status parindex_commitment_review_json(const parindex_commitment* commitment,
                                                                  const parindex_calendar* calendar,
                                                                  parindex_date as_of, int horizon_days, char** out);

#ifdef __cplusplus
}
#endif

#endif /* PARINDEX_PARINDEX_H */
