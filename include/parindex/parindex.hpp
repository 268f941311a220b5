// Everything parindex offers, in one include.
#pragma once

#include "parindex/assessment.hpp"
#include "parindex/criterion_code.hpp"
#include "parindex/error.hpp"
#include "parindex/framework.hpp"
#include "parindex/gaps.hpp"
#include "parindex/json.hpp"
#include "parindex/ranking.hpp"
#include "parindex/rounding.hpp"
#include "parindex/scorecard.hpp"
#include "parindex/scoring_rule.hpp"
#include "parindex/version.hpp"
