// Dossier logs as Arrow record batches (the Arrow C stream interface): DataFrames, Parquet
// files read by pyarrow, DuckDB results, without a copy of the column data.
#pragma once

#include <string>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/io/arrow_c.hpp"

namespace parindex {

// Reads the batches of an Arrow stream with the columns of the CSV layout (docs/dossiers.md;
// by name, in any order, other columns ignored), with the same row checks, rejections and
// counts as the CSV reader; rows are numbered from 1 in stream order (RejectedRow::line and
// LateDossier::line hold the row number). Accepted types: strings (utf8, large_utf8,
// utf8_view, or dictionary-encoded) for every column; date32, date64 and timestamps without
// a time zone for received_at and resolved_at; integers for processing_days and the flags;
// booleans for the flags; a null in resolved_at means not resolved. A missing column or a
// type outside these throws parindex::error (document) naming the column; with
// stop_at_first_error, the first bad row throws naming the row.
// The stream is taken over: it is released before returning (its release set to null).
// options.threads is not used (a stream is read in order).
DossierMetrics read_dossiers_arrow(ArrowArrayStream* stream, const WorkCalendar& calendar, const DossierOptions& options,
                                   const std::string& where = "arrow stream");

}  // namespace parindex
