// Everything parindex offers, in one include. The folders are the layers: core depends on
// nothing else; calendar on core; dossiers on calendar; plans on calendar and core; inputs on
// dossiers, plans and core; io (documents) above them all.
#pragma once

#include "parindex/core/assessment.hpp"
#include "parindex/core/batch.hpp"
#include "parindex/core/criterion_code.hpp"
#include "parindex/core/error.hpp"
#include "parindex/core/evaluation_plan.hpp"
#include "parindex/core/framework.hpp"
#include "parindex/core/gaps.hpp"
#include "parindex/core/index_table.hpp"
#include "parindex/core/ranking.hpp"
#include "parindex/core/rounding.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/core/scoring_rule.hpp"
#include "parindex/calendar/dates.hpp"
#include "parindex/calendar/holidays.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/calendar/work_calendar.hpp"
#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/plans/commitment.hpp"
#include "parindex/plans/deadline.hpp"
#include "parindex/plans/plan.hpp"
#include "parindex/inputs/dossier_inputs.hpp"
#include "parindex/io/json.hpp"
#include "parindex/io/score_table.hpp"
#include "parindex/version.hpp"
