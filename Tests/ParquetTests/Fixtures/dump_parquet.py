#!/usr/bin/env python3
"""Reads Parquet files with pyarrow and with DuckDB and prints, as one JSON object, each file's
rows in the canonical form of generate_fixtures.py: {path: {"pyarrow": rows, "duckdb": rows}}.
The Swift interop tests run this on files our writer produced."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from generate_fixtures import table_rows  # noqa: E402


def plain_type(t):
    """The type DuckDB's output is cast to: UUIDs as text, other extensions as their storage."""
    if isinstance(t, pa.BaseExtensionType):
        return pa.string() if t.extension_name == "arrow.uuid" else t.storage_type
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(pa.field(t.value_field.name, plain_type(t.value_type), t.value_field.nullable))
    if pa.types.is_map(t):
        return pa.map_(plain_type(t.key_type), pa.field("value", plain_type(t.item_type), t.item_field.nullable))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, plain_type(f.type), f.nullable) for f in t])
    return t


def via_duckdb(path, target_schema):
    table = duckdb.sql(f"SELECT * FROM read_parquet('{path}')").arrow()
    if isinstance(table, pa.RecordBatchReader):
        table = table.read_all()
    columns = [table.column(f.name).cast(plain_type(f.type)) for f in target_schema]
    return pa.Table.from_arrays(columns, names=[f.name for f in target_schema])


def enums_as_text(path, table):
    """pyarrow reads ENUM columns as binary; compare them as the text they hold."""
    schema = pq.ParquetFile(path).schema
    for i in range(len(schema)):
        column = schema.column(i)
        if column.logical_type.type == "ENUM" and "." not in column.path:
            idx = table.schema.get_field_index(column.path)
            table = table.set_column(idx, column.path, table.column(idx).cast(pa.string()))
    return table


def main():
    out = {}
    for path in sys.argv[1:]:
        entry = {}
        table = enums_as_text(path, pq.read_table(path))
        entry["pyarrow"] = table_rows(table)
        try:
            entry["duckdb"] = table_rows(via_duckdb(path, table.schema))
        except Exception as e:  # reported to the Swift side as a failure
            entry["duckdb_error"] = repr(e)
        out[path] = entry
    json.dump(out, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
