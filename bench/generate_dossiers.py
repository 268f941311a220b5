"""Writes a synthetic one-stop dossier log in parindex's CSV layout (docs/dossiers.md).

Realistic in shape, invented in content: thousands of units at three levels, hundreds of
procedures with their statutory times, receipts from July 2022 to June 2023 (across Tết
Quý Mão, 20-26 January 2023), mostly on working days and hours, a few percent late and
pending, and a few malformed rows of every kind parindex rejects.

    python bench/generate_dossiers.py OUT.csv ROWS [--seed N]
"""

from __future__ import annotations

import argparse
import datetime as dt

import numpy as np

FIELDS = ["dat_dai", "xay_dung", "dau_tu", "ho_tich", "kinh_doanh", "tu_phap", "lao_dong", "giao_duc"]
DAYS = np.array([0, 1, 2, 3, 5, 7, 10, 15, 20, 30])
HEADER = ("dossier_id,unit_code,level,procedure_code,field,received_at,processing_days,resolved_at,"
          "fully_online,paid_online,digitised,apology_issued\n")


def generate(out: str, rows: int, seed: int = 1, chunk: int = 500_000) -> int:
    rng = np.random.default_rng(seed)
    n_units = 3300
    unit_level = np.where(np.arange(n_units) < 34, "province", np.where(np.arange(n_units) < 700, "district", "commune"))
    n_proc = 450
    proc_field = rng.integers(0, len(FIELDS), n_proc)
    proc_days = DAYS[rng.integers(0, len(DAYS), n_proc)]
    start = np.datetime64("2022-07-01")
    span = (np.datetime64("2023-07-01") - start).astype(int)
    malformed = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        written = 0
        while written < rows:
            n = min(chunk, rows - written)
            ids = np.char.add("HS", np.arange(written, written + n).astype(str))
            unit = rng.integers(0, n_units, n)
            proc = rng.integers(0, n_proc, n)
            day = start + rng.integers(0, span, n).astype("timedelta64[D]")
            # Most dossiers arrive on working days: move 90% of weekend receipts to Monday.
            weekday = (day.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
            weekend = weekday >= 5
            move = weekend & (rng.random(n) < 0.9)
            day = np.where(move, day + (7 - weekday).astype("timedelta64[D]"), day)
            minute = rng.integers(7 * 60, 17 * 60 + 30, n)
            days = proc_days[proc]
            # Resolution: most within time, ~6% late, ~3% pending.
            factor = rng.random(n)
            delay = np.floor(days * 1.4 * factor).astype(int)
            late = rng.random(n) < 0.06
            delay = np.where(late, days * 1.4 + rng.integers(2, 25, n), delay).astype(int)
            resolved_day = day + delay.astype("timedelta64[D]")
            resolved_minute = np.where(delay == 0, np.minimum(minute + 30, 23 * 60), rng.integers(7 * 60, 17 * 60 + 30, n))
            pending = rng.random(n) < 0.03
            flags = (rng.random((n, 4)) < np.array([0.55, 0.4, 0.93, 0.7])).astype(int)

            def stamp(d, m):
                return np.char.add(np.char.add(d.astype(str), " "),
                                   np.char.add(np.char.zfill((m // 60).astype(str), 2),
                                               np.char.add(":", np.char.zfill((m % 60).astype(str), 2))))

            received = stamp(day, minute)
            resolved = np.where(pending, "", stamp(resolved_day, resolved_minute))
            cols = [ids, np.char.add("U", np.char.zfill(unit.astype(str), 4)), unit_level[unit],
                    np.char.add("TT", np.char.zfill(proc.astype(str), 3)), np.array(FIELDS)[proc_field[proc]],
                    received, days.astype(str), resolved] + [flags[:, i].astype(str) for i in range(4)]
            lines = cols[0]
            for c in cols[1:]:
                lines = np.char.add(np.char.add(lines, ","), c)
            lines = lines.astype(object)
            # A few malformed rows, one kind after another (about 1 in 20,000).
            bad = np.nonzero(rng.random(n) < 0.00005)[0]
            for k, i in enumerate(bad):
                kind = (malformed + k) % 5
                fields = lines[i].split(",")
                if kind == 0:
                    fields = fields[:-1]                      # wrong column count
                elif kind == 1:
                    fields[5] = "2023-02-30 08:00"            # unparsable date
                elif kind == 2:
                    fields[6] = "-2"                          # negative processing time
                elif kind == 3:
                    fields[2] = "ward"                        # unknown level
                else:
                    fields[7] = "2022-01-01 08:00"            # resolved before received
                lines[i] = ",".join(fields)
            malformed += len(bad)
            f.write("\n".join(lines))
            f.write("\n")
            written += n
    return malformed


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("rows", type=int)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    bad = generate(a.out, a.rows, a.seed)
    print(f"{a.out}: {a.rows} rows, {bad} malformed")


if __name__ == "__main__":
    main()
