/* The same as main.cpp through the C interface, as a C service or another language would. */
#include <parindex/parindex.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  if (!PARINDEX_C_API_COMPATIBLE()) {
    fprintf(stderr, "libparindex_c %d does not serve interface %d\n", parindex_c_api_version(), PARINDEX_C_API_VERSION);
    return 1;
  }
  parindex_framework* framework = NULL;
  parindex_assessment* assessment = NULL;
  parindex_scorecard* card = NULL;
  parindex_totals totals;
  const char* unit = NULL;
  int ok = parindex_framework_load(argv[1], &framework) == PARINDEX_OK &&
           parindex_assessment_load(argv[2], &assessment) == PARINDEX_OK &&
           parindex_evaluate(framework, assessment, &card) == PARINDEX_OK &&
           parindex_scorecard_totals(card, &totals) == PARINDEX_OK && parindex_scorecard_unit(card, &unit) == PARINDEX_OK;
  if (ok) printf("%s %.2f/%.2f\n", unit, totals.total, totals.max_points);
  else fprintf(stderr, "%s\n", parindex_last_error_message());
  parindex_scorecard_free(card);
  parindex_assessment_free(assessment);
  parindex_framework_free(framework);
  return ok ? 0 : 1;
}
