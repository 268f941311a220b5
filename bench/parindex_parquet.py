"""Per-unit dossier figures with parindex from a Parquet file (pyarrow's dataset reader, then
parindex's Arrow reader), written as the baselines write theirs.

    python bench/parindex_parquet.py LOG.parquet AS_OF OUT.json
"""

import datetime as dt
import json
import sys

import parindex

ORDER = ["total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
         "digitised", "apologised"]


def main(path, as_of, out):
    m = parindex.read_dossiers(path, parindex.vietnam_calendar(2013, 2199), dt.date.fromisoformat(as_of))
    units = {g.key[0]: [getattr(g.counts, k) for k in ORDER] for g in m.groups}
    json.dump({"rows_read": m.rows_read, "rows_used": m.rows_used, "units": units}, open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:4])
