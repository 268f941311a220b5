"""The per-unit dossier figures as an analyst would compute them with DuckDB SQL.

    python bench/baseline_duckdb.py LOG.csv AS_OF HOLIDAYS.json OUT.json

The same rules as parindex and the other baselines. SQL has no working-day arithmetic, so a
calendar table gives each day the running count of working days up to it: the day a dossier
counts as received is the working day with the index of its receipt day (plus one when that
is a day off), and "N working days later" is the working day whose index is N more, a join.
"""

import datetime as dt
import json
import sys

import duckdb

FLAGS = ["fully_online", "paid_online", "digitised", "apology_issued"]


def calendar_rows(holidays, first, last):
    """(day, working, running index of working days up to and including the day)."""
    off = set(holidays)
    rows, index, day = [], 0, first
    while day <= last:
        working = day.weekday() < 5 and day not in off
        index += working
        rows.append((day, working, index))
        day += dt.timedelta(days=1)
    return rows


def main(path, as_of, holidays_file, out):
    holidays = [dt.date.fromisoformat(d) for d in json.load(open(holidays_file))]
    con = duckdb.connect()
    con.execute("create table cal (day date, working boolean, idx integer)")
    con.executemany("insert into cal values (?, ?, ?)", calendar_rows(holidays, dt.date(2022, 1, 1), dt.date(2023, 12, 31)))
    con.execute("create table wd as select idx, day from cal where working")
    flags_ok = " and ".join(f"{c} in ('0', '1', 'true', 'false')" for c in FLAGS)
    con.execute(f"""
        create temp table log as
        select *, try_strptime(received_at, '%Y-%m-%d %H:%M') as rt,
               try_strptime(resolved_at, '%Y-%m-%d %H:%M') as st,
               try_cast(processing_days as integer) as n,
               coalesce(resolved_at, '') <> '' as has
        from read_csv('{path}', all_varchar = true, header = true, null_padding = true)""")
    read = con.execute("select count(*) from log").fetchone()[0]
    figures = con.execute(f"""
        with used as (
          select unit_code, rt, st, n, has, {", ".join(FLAGS)} from log
          where coalesce(dossier_id, '') <> '' and coalesce(unit_code, '') <> '' and coalesce(procedure_code, '') <> ''
            and level in ('province', 'district', 'commune') and {flags_ok}
            and rt is not null and n between 0 and 3650
            and not (has and st is null) and not (has and st < rt)),
        dated as (
          select u.*, cast(st as date) as sday, due.day as due
          from used u
          join cal c on c.day = cast(u.rt as date)
          join wd due on due.idx = c.idx + (case when c.working then 0 else 1 end) + u.n),
        statused as (
          select *, has and sday <= date '{as_of}' as done from dated)
        select unit_code, count(*),
          count(*) filter (done and sday < due), count(*) filter (done and sday = due),
          count(*) filter (done and sday > due), count(*) filter (not done and date '{as_of}' <= due),
          count(*) filter (not done and date '{as_of}' > due),
          count(*) filter (fully_online in ('1', 'true')), count(*) filter (paid_online in ('1', 'true')),
          count(*) filter (done and digitised in ('1', 'true')),
          count(*) filter (((done and sday > due) or (not done and date '{as_of}' > due)) and apology_issued in ('1', 'true'))
        from statused group by unit_code order by unit_code""").fetchall()
    used = sum(r[1] for r in figures)
    result = {"rows_read": read, "rows_used": used, "units": {r[0]: [int(x) for x in r[1:]] for r in figures}}
    json.dump(result, open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
