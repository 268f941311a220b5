/* The C interface from plain C11: scores, ranks, gaps, errors, calendar, lunar dates, dossier
 * logs, plans and commitments, each handle and string freed (run under ASan + LeakSanitizer
 * too). Usage: test_capi SECTION, one of the names in `sections` below. */
#define _POSIX_C_SOURCE 200809L /* pthreads, for the threads section */
#include <parindex/parindex.h>
#include <pthread.h> /* not C11 <threads.h>: ThreadSanitizer does not see its threads */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PARINDEX_SOURCE_DIR
#  error "PARINDEX_SOURCE_DIR must name the source tree"
#endif

static int checks = 0, failures = 0;

#define CHECK(condition)                                                     \
  do {                                                                       \
    ++checks;                                                                \
    if (!(condition)) {                                                      \
      ++failures;                                                            \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
    }                                                                        \
  } while (0)

/* A call that must succeed; on failure, says why. */
#define CHECK_OK(call)                                                                        \
  do {                                                                                        \
    parindex_status status_ = (call);                                                         \
    ++checks;                                                                                 \
    if (status_ != PARINDEX_OK) {                                                             \
      ++failures;                                                                             \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, parindex_last_error_message()); \
    }                                                                                         \
  } while (0)

#define CHECK_STR(actual, expected) CHECK(strcmp((actual), (expected)) == 0)
#define CHECK_CONTAINS(text, part) CHECK((text) != NULL && strstr((text), (part)) != NULL)

static const char* path(const char* relative) {
  static char buffer[4096];
  snprintf(buffer, sizeof buffer, "%s/%s", PARINDEX_SOURCE_DIR, relative);
  return buffer;
}

/* A file's bytes, NUL-terminated; the caller frees. */
static char* read_file(const char* relative, size_t* length) {
  FILE* f = fopen(path(relative), "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)size + 1);
  size_t got = fread(text, 1, (size_t)size, f);
  fclose(f);
  text[got] = '\0';
  if (length) *length = got;
  return text;
}

/* "%.2f" into a thread's own buffer. */
static const char* fixed_at(double value) {
  static _Thread_local char buffer[64];
  snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

/* "%.2f", as the published tables print. */
static const char* fixed2(double value) {
  static char buffer[64];
  snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

#define FRAMEWORK "data/frameworks/langson-district-2023.json"
static const char* const districts[] = {"examples/langson-2023/bac-son.json",
                                        "examples/langson-2023/chi-lang.invented.json",
                                        "examples/langson-2023/dinh-lap.invented.json",
                                        "examples/langson-2023/huu-lung.invented.json"};
#define DISTRICTS 4

static parindex_date date(int year, int month, int day) {
  parindex_date d = {year, month, day};
  return d;
}

static void test_version(void) {
  CHECK(parindex_c_api_version() == PARINDEX_C_API_VERSION);
  CHECK(PARINDEX_C_API_COMPATIBLE() == 1);
  CHECK(parindex_c_api_compatible(PARINDEX_C_API_VERSION_MAJOR * 1000) == 1);
  CHECK(parindex_c_api_compatible(PARINDEX_C_API_VERSION + 1) == 0); /* a newer minor */
  CHECK(parindex_c_api_compatible((PARINDEX_C_API_VERSION_MAJOR + 1) * 1000) == 0);
  CHECK_STR(parindex_library_version(), "0.1.0");
  CHECK_STR(parindex_status_name(PARINDEX_ERROR_DOCUMENT), "document");
  CHECK_STR(parindex_status_name((parindex_status)42), "unknown");
}

/* Bắc Sơn, PAR INDEX 2023: 84.87 of 99.50 points (Decision 102/QĐ-UBND of 16/01/2024). */
static void test_score(void) {
  parindex_framework* framework = NULL;
  parindex_assessment* assessment = NULL;
  parindex_scorecard* card = NULL;
  CHECK_OK(parindex_framework_load(path(FRAMEWORK), &framework));
  CHECK_OK(parindex_assessment_load(path(districts[0]), &assessment));
  CHECK_OK(parindex_evaluate(framework, assessment, &card));
  /* The scorecard stands alone once made. */
  parindex_framework_free(framework);
  parindex_assessment_free(assessment);

  parindex_totals t;
  CHECK_OK(parindex_scorecard_totals(card, &t));
  CHECK_STR(fixed2(t.max_points), "99.50");
  CHECK_STR(fixed2(t.total), "84.87");
  CHECK_STR(fixed2(t.max_points - t.total), "14.63");
  CHECK_STR(fixed2(t.index_percent), "85.30");
  CHECK(t.decimals == 2);
  CHECK(t.bonus == 0 && t.penalty == 0);
  const char* unit = NULL;
  CHECK_OK(parindex_scorecard_unit(card, &unit));
  CHECK_STR(unit, "bac-son");
  CHECK(parindex_last_error_status() == PARINDEX_OK);
  CHECK_STR(parindex_last_error_message(), "");

  /* The JSON is the CLI's, byte for byte. */
  char* json = NULL;
  CHECK_OK(parindex_scorecard_json(card, &json));
  char* golden = read_file("tests/golden/bac-son.scorecard.json", NULL);
  CHECK(golden != NULL && json != NULL && strcmp(json, golden) == 0);
  free(golden);
  parindex_string_free(json);

  char* gaps = NULL;
  CHECK_OK(parindex_gaps_json(card, &gaps));
  CHECK_CONTAINS(gaps, "\"schema\": \"parindex.gaps/1\"");
  CHECK_CONTAINS(gaps, "\"total_lost\": 14.63");
  CHECK_CONTAINS(gaps, "\"code\": \"3.5.3\"");
  parindex_string_free(gaps);
  parindex_scorecard_free(card);
}

/* The same framework loaded from text in memory, not NUL-terminated. */
static void test_from_text(void) {
  size_t length = 0;
  char* text = read_file(FRAMEWORK, &length);
  char* copy = malloc(length);
  memcpy(copy, text, length); /* no terminating NUL: the length is what counts */
  parindex_framework* framework = NULL;
  CHECK_OK(parindex_framework_from_json(copy, length, "langson.json", &framework));
  free(copy);
  free(text);

  text = read_file(districts[0], &length);
  parindex_assessment* assessment = NULL;
  CHECK_OK(parindex_assessment_from_json(text, length, NULL, &assessment));
  free(text);
  parindex_scorecard* card = NULL;
  CHECK_OK(parindex_evaluate(framework, assessment, &card));
  parindex_totals t;
  CHECK_OK(parindex_scorecard_totals(card, &t));
  CHECK_STR(fixed2(t.total), "84.87");
  parindex_scorecard_free(card);
  parindex_assessment_free(assessment);
  parindex_framework_free(framework);
}

/* The four Lạng Sơn districts of the example, ranked with the national A/B groups. */
static void test_rank(void) {
  parindex_framework* framework = NULL;
  parindex_assessment* assessments[DISTRICTS] = {NULL};
  parindex_scorecard* cards[DISTRICTS] = {NULL};
  CHECK_OK(parindex_framework_load(path(FRAMEWORK), &framework));
  for (int i = 0; i < DISTRICTS; ++i) {
    CHECK_OK(parindex_assessment_load(path(districts[i]), &assessments[i]));
    CHECK_OK(parindex_evaluate(framework, assessments[i], &cards[i]));
  }
  char* ranking = NULL;
  CHECK_OK(parindex_rank_json((const parindex_scorecard* const*)cards, DISTRICTS, PARINDEX_GROUPS_NATIONAL, -1,
                              &ranking));
  CHECK_CONTAINS(ranking, "\"schema\": \"parindex.ranking/1\"");
  const char* huu_lung = strstr(ranking, "\"code\": \"huu-lung\"");
  const char* bac_son = strstr(ranking, "\"code\": \"bac-son\"");
  const char* chi_lang = strstr(ranking, "\"code\": \"chi-lang\"");
  const char* dinh_lap = strstr(ranking, "\"code\": \"dinh-lap\"");
  CHECK(huu_lung && bac_son && chi_lang && dinh_lap);
  CHECK(huu_lung < bac_son && bac_son < chi_lang && chi_lang < dinh_lap);
  CHECK_CONTAINS(ranking, "\"label\": \"01/04\"");
  CHECK_CONTAINS(ranking, "\"label\": \"02/04\"");
  /* Chi Lăng and Đình Lập tie at 83.73% and share third place. */
  const char* third = strstr(ranking, "\"label\": \"03/04\"");
  CHECK(third != NULL && strstr(third + 1, "\"label\": \"03/04\"") != NULL);
  CHECK(strstr(ranking, "\"label\": \"04/04\"") == NULL);
  CHECK_CONTAINS(ranking, "\"group\": \"A\"");
  CHECK_CONTAINS(ranking, "\"total\": 90.49");

  /* The batch kernel gives the same figures and the same ranking. */
  parindex_batch* batch = NULL;
  CHECK_OK(parindex_evaluate_many(framework, (const parindex_assessment* const*)assessments, DISTRICTS, &batch));
  size_t size = 0;
  CHECK_OK(parindex_batch_size(batch, &size));
  CHECK(size == DISTRICTS);
  parindex_totals t;
  CHECK_OK(parindex_batch_totals(batch, 0, &t));
  CHECK_STR(fixed2(t.total), "84.87");
  CHECK_STR(fixed2(t.max_points), "99.50");
  CHECK_STR(fixed2(t.index_percent), "85.30");
  CHECK_OK(parindex_batch_totals(batch, 1, &t));
  CHECK_STR(fixed2(t.total), "82.89");
  CHECK_STR(fixed2(t.max_points), "99.00");
  char* batch_ranking = NULL;
  CHECK_OK(parindex_batch_rank_json(batch, PARINDEX_GROUPS_NATIONAL, -1, &batch_ranking));
  CHECK(batch_ranking != NULL && ranking != NULL && strcmp(batch_ranking, ranking) == 0);
  parindex_scorecard* from_batch = NULL;
  CHECK_OK(parindex_batch_scorecard(batch, 0, &from_batch));
  char* a = NULL;
  char* b = NULL;
  CHECK_OK(parindex_scorecard_json(from_batch, &a));
  CHECK_OK(parindex_scorecard_json(cards[0], &b));
  CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
  CHECK(parindex_batch_totals(batch, DISTRICTS, &t) == PARINDEX_ERROR_ARGUMENT);
  CHECK_CONTAINS(parindex_last_error_detail(), "is not below the batch's 4 units");

  parindex_string_free(a);
  parindex_string_free(b);
  parindex_scorecard_free(from_batch);
  parindex_string_free(batch_ranking);
  parindex_batch_free(batch);
  parindex_string_free(ranking);
  for (int i = 0; i < DISTRICTS; ++i) {
    parindex_scorecard_free(cards[i]);
    parindex_assessment_free(assessments[i]);
  }
  parindex_framework_free(framework);
}

static void test_document_errors(void) {
  /* A malformed document names the JSON pointer, as parindex::error's where does. */
  parindex_framework* framework = (parindex_framework*)&checks; /* not NULL: must be reset */
  CHECK(parindex_framework_load(path("tests/malformed/08-unknown-key.framework.json"), &framework) ==
        PARINDEX_ERROR_DOCUMENT);
  CHECK(framework == NULL);
  CHECK(parindex_last_error_status() == PARINDEX_ERROR_DOCUMENT);
  CHECK_CONTAINS(parindex_last_error_where(), "/criteria/0/maximum");
  CHECK_CONTAINS(parindex_last_error_detail(), "unknown key \"maximum\"");
  CHECK_CONTAINS(parindex_last_error_message(), "08-unknown-key.framework.json: /criteria/0/maximum: unknown key");

  const char* broken = "{\"schema\": \"parindex.framework/2\",\n \"id\": }";
  CHECK(parindex_framework_from_json(broken, strlen(broken), "broken.json", &framework) == PARINDEX_ERROR_DOCUMENT);
  CHECK_CONTAINS(parindex_last_error_where(), "broken.json");
  CHECK_CONTAINS(parindex_last_error_message(), "line 2");

  const char* wrong_type = "{\"schema\": \"parindex.assessment/1\", \"framework\": \"f\", \"unit\": 5, \"year\": 2023, "
                           "\"criteria\": {}}";
  parindex_assessment* assessment = NULL;
  CHECK(parindex_assessment_from_json(wrong_type, strlen(wrong_type), NULL, &assessment) == PARINDEX_ERROR_DOCUMENT);
  CHECK(assessment == NULL);
  CHECK_CONTAINS(parindex_last_error_where(), "/unit");

  /* A key twice at the top level (found by fuzz_capi: the message once read a freed frame). */
  const char* twice = "{\"schema\": \"parindex.framework/2\", \"schema\": \"parindex.framework/2\"}";
  CHECK(parindex_framework_from_json(twice, strlen(twice), "twice.json", &framework) == PARINDEX_ERROR_DOCUMENT);
  CHECK_CONTAINS(parindex_last_error_detail(), "the key \"schema\" appears twice in one object");

  CHECK(parindex_framework_load(path("no-such-file.json"), &framework) == PARINDEX_ERROR_IO);
  CHECK_CONTAINS(parindex_last_error_message(), "no-such-file.json: cannot open the file");

  /* A success clears the thread's error. */
  parindex_date d;
  CHECK_OK(parindex_from_lunar((parindex_lunar_date){2024, 1, 1, 0}, &d));
  CHECK(parindex_last_error_status() == PARINDEX_OK);
  CHECK_STR(parindex_last_error_where(), "");
}

static void test_validation_errors(void) {
  parindex_framework* framework = NULL;
  CHECK_OK(parindex_framework_load(path(FRAMEWORK), &framework));
  /* 2 points appraised on a criterion of fewer. */
  const char* too_many = "{\"schema\": \"parindex.assessment/1\", \"framework\": \"langson-district-2023\", "
                         "\"unit\": {\"code\": \"x\", \"name\": \"X\"}, \"year\": 2023, "
                         "\"criteria\": {\"1.6.2\": {\"appraised_score\": 200}}}";
  parindex_assessment* assessment = NULL;
  CHECK_OK(parindex_assessment_from_json(too_many, strlen(too_many), "x.json", &assessment));
  parindex_scorecard* card = NULL;
  CHECK(parindex_evaluate(framework, assessment, &card) == PARINDEX_ERROR_VALIDATION);
  CHECK(card == NULL);
  CHECK_CONTAINS(parindex_last_error_message(), "1.6.2");
  parindex_assessment_free(assessment);

  /* A unit twice does not rank. */
  parindex_assessment* bac_son = NULL;
  parindex_scorecard* cards[2] = {NULL, NULL};
  CHECK_OK(parindex_assessment_load(path(districts[0]), &bac_son));
  CHECK_OK(parindex_evaluate(framework, bac_son, &cards[0]));
  CHECK_OK(parindex_evaluate(framework, bac_son, &cards[1]));
  char* ranking = NULL;
  CHECK(parindex_rank_json((const parindex_scorecard* const*)cards, 2, PARINDEX_GROUPS_NONE, -1, &ranking) ==
        PARINDEX_ERROR_ARGUMENT);
  CHECK(ranking == NULL);
  CHECK_CONTAINS(parindex_last_error_message(), "bac-son");
  CHECK(parindex_rank_json((const parindex_scorecard* const*)cards, 1, (parindex_grouping)7, -1, &ranking) ==
        PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_rank_json: grouping");
  parindex_scorecard_free(cards[0]);
  parindex_scorecard_free(cards[1]);
  parindex_assessment_free(bac_son);
  parindex_framework_free(framework);
}

/* NULL anywhere is an argument error naming the function and argument, never a crash. */
static void test_null_arguments(void) {
  parindex_framework* framework = NULL;
  parindex_assessment* assessment = NULL;
  parindex_scorecard* card = NULL;
  CHECK_OK(parindex_framework_load(path(FRAMEWORK), &framework));
  CHECK_OK(parindex_assessment_load(path(districts[0]), &assessment));

  CHECK(parindex_evaluate(NULL, assessment, &card) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_evaluate: framework");
  CHECK_STR(parindex_last_error_detail(), "must not be NULL");
  CHECK(parindex_evaluate(framework, NULL, &card) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_evaluate: assessment");
  CHECK(parindex_evaluate(framework, assessment, NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_evaluate: out");
  CHECK(card == NULL);

  /* A failed load empties its out-pointer (a fresh one here, so the loaded framework stays). */
  parindex_framework* refused = framework;
  CHECK(parindex_framework_load(NULL, &refused) == PARINDEX_ERROR_ARGUMENT);
  CHECK(refused == NULL);
  CHECK(parindex_framework_from_json(NULL, 10, NULL, &refused) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_framework_from_json: text");
  CHECK(parindex_assessment_load(path(districts[0]), NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_plan_load(NULL, NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_commitment_from_json(NULL, 0, NULL, NULL) == PARINDEX_ERROR_ARGUMENT);

  parindex_totals t;
  char* text = NULL;
  const char* unit = NULL;
  size_t size = 0;
  CHECK(parindex_scorecard_totals(NULL, &t) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_scorecard_unit(NULL, &unit) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_scorecard_json(NULL, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_gaps_json(NULL, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_rank_json(NULL, 2, PARINDEX_GROUPS_NONE, -1, &text) == PARINDEX_ERROR_ARGUMENT);
  const parindex_scorecard* holes[2] = {NULL, NULL};
  CHECK(parindex_rank_json(holes, 2, PARINDEX_GROUPS_NONE, -1, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_detail(), "element 0 is NULL");
  CHECK(parindex_evaluate_many(framework, NULL, 3, NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_batch_size(NULL, &size) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_batch_rank_json(NULL, PARINDEX_GROUPS_NONE, -1, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_calendar_vietnam(2024, 2024, NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_is_working_day(NULL, date(2024, 2, 7), NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_to_lunar(date(2024, 2, 10), NULL) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_dossiers_json(NULL, NULL, NULL, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_plan_review_json(NULL, NULL, date(2024, 6, 15), 14, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_commitment_review_json(NULL, NULL, date(2024, 6, 15), 14, &text) == PARINDEX_ERROR_ARGUMENT);
  CHECK(text == NULL);

  /* Freeing NULL is fine. */
  parindex_framework_free(NULL);
  parindex_assessment_free(NULL);
  parindex_plan_free(NULL);
  parindex_commitment_free(NULL);
  parindex_scorecard_free(NULL);
  parindex_batch_free(NULL);
  parindex_calendar_free(NULL);
  parindex_string_free(NULL);

  parindex_assessment_free(assessment);
  parindex_framework_free(framework);
}

static void test_calendar(void) {
  parindex_calendar* calendar = NULL;
  CHECK_OK(parindex_calendar_vietnam(2023, 2025, &calendar));
  int working = -1;
  CHECK_OK(parindex_is_working_day(calendar, date(2024, 2, 7), &working));
  CHECK(working == 1);
  CHECK_OK(parindex_is_working_day(calendar, date(2024, 2, 12), &working)); /* a Monday of Tết */
  CHECK(working == 0);
  CHECK_OK(parindex_is_working_day(calendar, date(2024, 9, 2), &working)); /* National Day */
  CHECK(working == 0);

  parindex_date d = {0, 0, 0};
  CHECK_OK(parindex_add_working_days(calendar, date(2024, 2, 7), 1, &d)); /* across Tết */
  CHECK(d.year == 2024 && d.month == 2 && d.day == 15);
  CHECK_OK(parindex_add_working_days(calendar, date(2024, 2, 15), -1, &d));
  CHECK(d.year == 2024 && d.month == 2 && d.day == 7);
  int64_t count = 0;
  CHECK_OK(parindex_count_working_days(calendar, date(2024, 2, 1), date(2024, 3, 1), &count));
  CHECK(count == 16);
  CHECK_OK(parindex_count_working_days(calendar, date(2024, 3, 1), date(2024, 2, 1), &count));
  CHECK(count == -16);

  CHECK(parindex_is_working_day(calendar, date(2023, 2, 29), &working) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_is_working_day: date");
  CHECK_STR(parindex_last_error_detail(), "no such date 2023-2-29");
  CHECK(parindex_is_working_day(calendar, date(70000, 1, 1), &working) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_is_working_day(calendar, date(2030, 1, 2), &working) == PARINDEX_ERROR_ARGUMENT);
  CHECK_CONTAINS(parindex_last_error_message(), "2023");

  parindex_calendar* bad = NULL;
  CHECK(parindex_calendar_vietnam(2025, 2023, &bad) == PARINDEX_ERROR_ARGUMENT);
  CHECK(parindex_calendar_vietnam(1990, 2000, &bad) == PARINDEX_ERROR_ARGUMENT);
  CHECK(bad == NULL);
  parindex_calendar_free(calendar);
}

static void test_lunar(void) {
  parindex_lunar_date l = {0, 0, 0, 0};
  CHECK_OK(parindex_to_lunar(date(2024, 2, 10), &l)); /* Tết Giáp Thìn */
  CHECK(l.year == 2024 && l.month == 1 && l.day == 1 && l.leap == 0);
  CHECK_OK(parindex_to_lunar(date(2023, 4, 5), &l));
  CHECK(l.year == 2023 && l.month == 2 && l.day == 15 && l.leap == 1);

  parindex_date d = {0, 0, 0};
  CHECK_OK(parindex_from_lunar((parindex_lunar_date){2023, 2, 15, 1}, &d));
  CHECK(d.year == 2023 && d.month == 4 && d.day == 5);
  CHECK_OK(parindex_from_lunar((parindex_lunar_date){2024, 1, 1, 0}, &d));
  CHECK(d.year == 2024 && d.month == 2 && d.day == 10);

  CHECK(parindex_from_lunar((parindex_lunar_date){2024, 4, 1, 1}, &d) == PARINDEX_ERROR_ARGUMENT);
  CHECK_CONTAINS(parindex_last_error_message(), "lunar year 2024 has no leap month");
  CHECK(parindex_from_lunar((parindex_lunar_date){2024, 13, 1, 0}, &d) == PARINDEX_ERROR_ARGUMENT);
  CHECK_STR(parindex_last_error_where(), "parindex_from_lunar: lunar");
  CHECK(parindex_to_lunar(date(1800, 1, 1), &l) == PARINDEX_ERROR_ARGUMENT);
}

static void test_dossiers(void) {
  parindex_calendar* calendar = NULL;
  CHECK_OK(parindex_calendar_vietnam(2013, 2199, &calendar));
  parindex_dossier_options options = {date(2024, 5, 10), "level,month", 0, -1, 0};
  char* json = NULL;
  CHECK_OK(parindex_dossiers_json(path("tests/data/dossiers/sample.csv"), calendar, &options, &json));
  /* The same document as `parindex dossiers --by level,month --format json`. */
  char* golden = read_file("tests/golden/dossiers-sample.by-level-month.json", NULL);
  CHECK(golden != NULL && json != NULL && strcmp(json, golden) == 0);
  free(golden);
  parindex_string_free(json);

  options.strict = 1;
  CHECK(parindex_dossiers_json(path("tests/data/dossiers/sample.csv"), calendar, &options, &json) ==
        PARINDEX_ERROR_DOCUMENT);
  CHECK_CONTAINS(parindex_last_error_message(), "sample.csv:11: expected 12 columns, found 11");
  options.strict = 0;
  options.group_by = "unit,colour";
  CHECK(parindex_dossiers_json(path("tests/data/dossiers/sample.csv"), calendar, &options, &json) ==
        PARINDEX_ERROR_ARGUMENT);
  CHECK_CONTAINS(parindex_last_error_detail(), "unknown key \"colour\"");
  CHECK(json == NULL);
  parindex_calendar_free(calendar);
}

static void test_plans(void) {
  parindex_calendar* calendar = NULL;
  CHECK_OK(parindex_calendar_vietnam(2023, 2025, &calendar));
  parindex_plan* plan = NULL;
  CHECK_OK(parindex_plan_load(path("examples/plans/bac-son-2024.json"), &plan));
  char* review = NULL;
  CHECK_OK(parindex_plan_review_json(plan, calendar, date(2024, 6, 15), 14, &review));
  CHECK_CONTAINS(review, "\"schema\": \"parindex.plan_review/1\"");
  CHECK_CONTAINS(review, "\"days_overdue\": 107");
  CHECK_CONTAINS(review, "IV.2d-VHTT");
  parindex_string_free(review);
  CHECK(parindex_plan_review_json(plan, calendar, date(2024, 6, 15), -1, &review) == PARINDEX_ERROR_ARGUMENT);
  parindex_plan_free(plan);

  parindex_commitment* commitment = NULL;
  CHECK_OK(parindex_commitment_load(path("examples/commitments/dong-ha-2024.json"), &commitment));
  CHECK_OK(parindex_commitment_review_json(commitment, calendar, date(2024, 9, 30), 14, &review));
  CHECK_CONTAINS(review, "\"schema\": \"parindex.commitment_review/1\"");
  CHECK_CONTAINS(review, "\"status\": \"at_risk\"");
  CHECK_CONTAINS(review, "\"next_report\": \"2024-12-12\"");
  parindex_string_free(review);
  parindex_commitment_free(commitment);

  const char* not_a_plan = "[]";
  CHECK(parindex_plan_from_json(not_a_plan, 2, "p.json", &plan) == PARINDEX_ERROR_DOCUMENT);
  CHECK(plan == NULL);
  parindex_calendar_free(calendar);
}

/* One framework and assessment shared by threads that evaluate them and fail, each its own way. */
enum { THREADS = 4, ROUNDS = 25 };
static const parindex_framework* shared_framework;
static const parindex_assessment* shared_assessment;

static void* evaluate_and_fail(void* arg) {
  const int id = *(const int*)arg;
  char missing[64];
  snprintf(missing, sizeof missing, "missing-%d.json", id);
  int wrong = 0;
  for (int round = 0; round < ROUNDS; ++round) {
    parindex_scorecard* card = NULL;
    parindex_totals t;
    if (parindex_evaluate(shared_framework, shared_assessment, &card) != PARINDEX_OK ||
        parindex_scorecard_totals(card, &t) != PARINDEX_OK || strcmp(fixed_at(t.total), "84.87") != 0) {
      ++wrong;
    }
    parindex_scorecard_free(card);
    parindex_framework* none = NULL;
    if (parindex_framework_load(missing, &none) != PARINDEX_ERROR_IO) ++wrong;
    sched_yield();
    /* Other threads have failed meanwhile; this thread's error is still its own. */
    if (strcmp(parindex_last_error_where(), missing) != 0) ++wrong;
  }
  *(int*)arg = wrong;
  return NULL;
}

static void test_threads(void) {
  parindex_framework* framework = NULL;
  parindex_assessment* assessment = NULL;
  CHECK_OK(parindex_framework_load(path(FRAMEWORK), &framework));
  CHECK_OK(parindex_assessment_load(path(districts[0]), &assessment));
  shared_framework = framework;
  shared_assessment = assessment;
  pthread_t threads[THREADS];
  int ids[THREADS]; /* in: the thread's number; out: how many of its checks failed */
  for (int i = 0; i < THREADS; ++i) {
    ids[i] = i;
    CHECK(pthread_create(&threads[i], NULL, evaluate_and_fail, &ids[i]) == 0);
  }
  for (int i = 0; i < THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(ids[i] == 0);
  }
  /* This thread made no failing call: the others' errors are not its. */
  CHECK(parindex_last_error_status() == PARINDEX_OK);
  parindex_assessment_free(assessment);
  parindex_framework_free(framework);
}

static const struct {
  const char* name;
  void (*run)(void);
} sections[] = {
    {"version", test_version},           {"score", test_score},
    {"from_text", test_from_text},       {"rank", test_rank},
    {"document_errors", test_document_errors}, {"validation_errors", test_validation_errors},
    {"null_arguments", test_null_arguments},   {"calendar", test_calendar},
    {"lunar", test_lunar},               {"dossiers", test_dossiers},
    {"plans", test_plans},               {"threads", test_threads},
};

int main(int argc, char** argv) {
  const size_t n = sizeof sections / sizeof sections[0];
  int ran = 0;
  for (size_t i = 0; i < n; ++i) {
    if (argc > 1 && strcmp(argv[1], sections[i].name) != 0) continue;
    sections[i].run();
    ++ran;
  }
  if (!ran) {
    fprintf(stderr, "test_capi: no section \"%s\"\n", argv[1]);
    return 2;
  }
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
