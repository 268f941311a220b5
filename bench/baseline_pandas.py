"""The per-unit dossier figures as an analyst would compute them with pandas and numpy.

    python bench/baseline_pandas.py LOG.csv AS_OF HOLIDAYS.json OUT.json

Applies the same rules as parindex (docs/dossiers.md): the same row checks, receipts on a day
off counted from the next working day, N working days counted from the day after, statuses as
of AS_OF. numpy's busday functions take the weekday days off as holidays; they cannot express
weekend days worked, so the benchmark uses years without any (2022-2023).
"""

import json
import sys

import numpy as np
import pandas as pd

FLAGS = ["fully_online", "paid_online", "digitised", "apology_issued"]


def main(path, as_of, holidays_file, out):
    holidays = np.array(json.load(open(holidays_file)), dtype="datetime64[D]")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, engine="c")
    read = len(df)
    ok = df["dossier_id"].ne("") & df["unit_code"].ne("") & df["procedure_code"].ne("")
    ok &= df["level"].isin(["province", "district", "commune"])
    for c in FLAGS:
        ok &= df[c].isin(["0", "1", "true", "false"])
    received = pd.to_datetime(df["received_at"], format="%Y-%m-%d %H:%M", errors="coerce")
    days = pd.to_numeric(df["processing_days"], errors="coerce")
    has_resolution = df["resolved_at"].fillna("").ne("")
    resolved = pd.to_datetime(df["resolved_at"].where(has_resolution), format="%Y-%m-%d %H:%M", errors="coerce")
    ok &= received.notna() & days.notna() & days.ge(0) & days.le(3650) & days.eq(days.round())
    ok &= ~(has_resolution & resolved.isna())
    ok &= ~(has_resolution & (resolved < received))
    df, received, resolved, days = df[ok], received[ok], resolved[ok], days[ok].astype(np.int64)

    received_day = received.values.astype("datetime64[D]")
    start = np.busday_offset(received_day, 0, roll="forward", holidays=holidays)
    due = np.busday_offset(start, days.values, roll="forward", holidays=holidays)
    resolved_day = resolved.values.astype("datetime64[D]")
    review = np.datetime64(as_of)
    done = has_resolution[ok].values & (resolved_day <= review)
    flags = {c: df[c].isin(["1", "true"]).values for c in FLAGS}
    late_or_overdue = (done & (resolved_day > due)) | (~done & (review > due))
    frame = pd.DataFrame({
        "unit": df["unit_code"].values,
        "total": 1,
        "early": done & (resolved_day < due),
        "on_time": done & (resolved_day == due),
        "late": done & (resolved_day > due),
        "pending": ~done & (review <= due),
        "pending_overdue": ~done & (review > due),
        "fully_online": flags["fully_online"],
        "paid_online": flags["paid_online"],
        "digitised": done & flags["digitised"],
        "apologised": late_or_overdue & flags["apology_issued"],
    })
    sums = frame.groupby("unit", sort=True).sum()
    result = {"rows_read": read, "rows_used": int(ok.sum()),
              "units": {u: [int(x) for x in row] for u, row in zip(sums.index, sums.values)}}
    json.dump(result, open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
