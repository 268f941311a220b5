"""The per-unit dossier figures as an analyst would compute them with polars.

    python bench/baseline_polars.py LOG.csv AS_OF HOLIDAYS.json OUT.json

The same rules as parindex and the pandas baseline; polars' business-day functions take the
weekday days off as holidays.
"""

import datetime as dt
import json
import sys

import polars as pl

FLAGS = ["fully_online", "paid_online", "digitised", "apology_issued"]


def main(path, as_of, holidays_file, out):
    holidays = [dt.date.fromisoformat(d) for d in json.load(open(holidays_file))]
    review = dt.date.fromisoformat(as_of)
    df = pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True)
    read = df.height
    received = pl.col("received_at").str.strptime(pl.Datetime, "%Y-%m-%d %H:%M", strict=False)
    resolved = pl.col("resolved_at").str.strptime(pl.Datetime, "%Y-%m-%d %H:%M", strict=False)
    days = pl.col("processing_days").cast(pl.Int64, strict=False)
    has_resolution = pl.col("resolved_at").fill_null("") != ""
    ok = (pl.col("dossier_id") != "") & (pl.col("unit_code") != "") & (pl.col("procedure_code") != "")
    ok = ok & pl.col("level").is_in(["province", "district", "commune"])
    for c in FLAGS:
        ok = ok & pl.col(c).is_in(["0", "1", "true", "false"])
    ok = ok & received.is_not_null() & days.is_not_null() & (days >= 0) & (days <= 3650)
    ok = ok & ~(has_resolution & resolved.is_null())
    ok = ok & ~(has_resolution & (resolved < received)).fill_null(False)
    df = df.with_columns(ok.fill_null(False).alias("ok"))
    used = df.filter(pl.col("ok")).with_columns(
        received.dt.date().alias("rday"), resolved.dt.date().alias("sday"), days.alias("n"), has_resolution.alias("has"))
    used = used.with_columns(pl.col("rday").dt.add_business_days(0, holidays=holidays, roll="forward").alias("start"))
    used = used.with_columns(pl.col("start").dt.add_business_days(pl.col("n"), holidays=holidays).alias("due"))
    done = pl.col("has") & (pl.col("sday") <= review)
    due = pl.col("due")
    late_or_overdue = (done & (pl.col("sday") > due)) | (~done & (pl.lit(review) > due))
    flag = {c: pl.col(c).is_in(["1", "true"]) for c in FLAGS}
    sums = used.group_by("unit_code").agg(
        pl.len().alias("total"),
        (done & (pl.col("sday") < due)).sum().alias("early"),
        (done & (pl.col("sday") == due)).sum().alias("on_time"),
        (done & (pl.col("sday") > due)).sum().alias("late"),
        (~done & (pl.lit(review) <= due)).sum().alias("pending"),
        (~done & (pl.lit(review) > due)).sum().alias("pending_overdue"),
        flag["fully_online"].sum().alias("fully_online"),
        flag["paid_online"].sum().alias("paid_online"),
        (done & flag["digitised"]).sum().alias("digitised"),
        (late_or_overdue & flag["apology_issued"]).sum().alias("apologised"),
    ).sort("unit_code")
    result = {"rows_read": read, "rows_used": used.height,
              "units": {r[0]: [int(x) for x in r[1:]] for r in sums.iter_rows()}}
    json.dump(result, open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
