"""Writes a typed Parquet copy of a dossier log, as an analyst keeps one: timestamps and
integers (DuckDB's try_ casts: a value that does not parse becomes null, which parindex rejects
as it rejects the text).

    python bench/to_parquet.py LOG.csv OUT.parquet
"""

import sys

import duckdb


def main(log, out):
    duckdb.connect().execute(f"""
        copy (select dossier_id, unit_code, level, procedure_code, field,
                     try_strptime(received_at, '%Y-%m-%d %H:%M') as received_at,
                     try_cast(processing_days as integer) as processing_days,
                     try_strptime(resolved_at, '%Y-%m-%d %H:%M') as resolved_at,
                     try_cast(fully_online as tinyint) as fully_online, try_cast(paid_online as tinyint) as paid_online,
                     try_cast(digitised as tinyint) as digitised, try_cast(apology_issued as tinyint) as apology_issued
              from read_csv('{log}', all_varchar = true, header = true, null_padding = true))
        to '{out}' (format parquet)""")


if __name__ == "__main__":
    main(*sys.argv[1:3])
