#!/usr/bin/env python3
"""Writes the Parquet fixtures the Swift reader is tested against, each with a JSON file of the
values pyarrow wrote. Run from anywhere with the project's venv:

    .venv/bin/python Tests/ParquetTests/Fixtures/generate_fixtures.py

Canonical JSON: dates are days, times/timestamps are integers in the column's unit (INT96 in
nanoseconds), decimals are plain strings, binary is {"$bytes": hex}, maps are [[key, value], ...].
"""
import datetime as dt
import decimal
import json
import os
import random

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))


def int_type(t):
    """The type to cast to before to_pylist, so temporal leaves come out as integers."""
    if pa.types.is_timestamp(t) or pa.types.is_time64(t) or pa.types.is_duration(t):
        return pa.int64()
    if pa.types.is_date32(t) or pa.types.is_time32(t):
        return pa.int32()
    if pa.types.is_list(t):
        return pa.list_(pa.field(t.value_field.name, int_type(t.value_type), t.value_field.nullable))
    if pa.types.is_large_list(t):
        return pa.large_list(pa.field(t.value_field.name, int_type(t.value_type), t.value_field.nullable))
    if pa.types.is_map(t):
        return pa.map_(int_type(t.key_type), pa.field("value", int_type(t.item_type), t.item_field.nullable))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, int_type(f.type), f.nullable) for f in t])
    return t


def canon(v):
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        return v
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, tuple):
        return [canon(x) for x in v]
    if isinstance(v, list):
        return [canon(x) for x in v]
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items()}
    if hasattr(v, "hex") and type(v).__name__ == "UUID":
        return str(v)
    raise TypeError(f"cannot canonicalise {type(v)}: {v!r}")


def table_rows(table):
    columns = {}
    for name in table.column_names:
        col = table.column(name)
        t = col.type
        columns[name] = col.cast(int_type(t)).to_pylist()
    n = table.num_rows
    return [{name: canon(columns[name][i]) for name in table.column_names} for i in range(n)]


def dump_expected(path, table):
    with open(path, "w") as f:
        json.dump({"rows": table_rows(table)}, f, separators=(",", ":"), sort_keys=True)


def write(name, table, **kwargs):
    path = os.path.join(HERE, name + ".parquet")
    pq.write_table(table, path, **kwargs)
    # Expected values are what pyarrow reads back (e.g. INT96 comes back as nanoseconds).
    dump_expected(os.path.join(HERE, name + ".json"), pq.read_table(path))


def maybe(rng, p, v):
    return None if rng.random() < p else v


def primitives(n=120, seed=1):
    rng = random.Random(seed)
    epoch = dt.date(1970, 1, 1)
    cols = {
        "b": pa.array([maybe(rng, 0.2, rng.random() < 0.5) for _ in range(n)], pa.bool_()),
        "i8": pa.array([maybe(rng, 0.2, rng.randint(-128, 127)) for _ in range(n)], pa.int8()),
        "i16": pa.array([maybe(rng, 0.2, rng.randint(-32768, 32767)) for _ in range(n)], pa.int16()),
        "i32": pa.array([maybe(rng, 0.2, rng.randint(-2**31, 2**31 - 1)) for _ in range(n)], pa.int32()),
        "i64": pa.array([maybe(rng, 0.2, rng.randint(-2**63, 2**63 - 1)) for _ in range(n)], pa.int64()),
        "u8": pa.array([maybe(rng, 0.2, rng.randint(0, 255)) for _ in range(n)], pa.uint8()),
        "u32": pa.array([maybe(rng, 0.2, rng.randint(0, 2**32 - 1)) for _ in range(n)], pa.uint32()),
        "f32": pa.array([maybe(rng, 0.2, rng.uniform(-1e6, 1e6)) for _ in range(n)], pa.float32()),
        "f64": pa.array([maybe(rng, 0.2, rng.uniform(-1e12, 1e12)) for _ in range(n)], pa.float64()),
        "s": pa.array([maybe(rng, 0.2, rng.choice(["", "a", "héllo", "日本", "x" * 40]) + str(rng.randint(0, 9)))
                       for _ in range(n)], pa.string()),
        "bin": pa.array([maybe(rng, 0.2, bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 6))))
                         for _ in range(n)], pa.binary()),
        "fixed": pa.array([maybe(rng, 0.2, bytes(rng.randint(0, 255) for _ in range(4))) for _ in range(n)],
                          pa.binary(4)),
        "date": pa.array([maybe(rng, 0.2, epoch + dt.timedelta(days=rng.randint(-20000, 30000))) for _ in range(n)],
                         pa.date32()),
        "ts_ms": pa.array([maybe(rng, 0.2, rng.randint(-10**12, 10**13)) for _ in range(n)], pa.timestamp("ms", "UTC")),
        "ts_us": pa.array([maybe(rng, 0.2, rng.randint(-10**15, 10**16)) for _ in range(n)], pa.timestamp("us", "UTC")),
        "ts_local": pa.array([maybe(rng, 0.2, rng.randint(0, 10**16)) for _ in range(n)], pa.timestamp("us")),
        "time_us": pa.array([maybe(rng, 0.2, rng.randint(0, 86400 * 10**6 - 1)) for _ in range(n)], pa.time64("us")),
        "dec9": pa.array([maybe(rng, 0.2, decimal.Decimal(rng.randint(-10**8, 10**8)).scaleb(-2)) for _ in range(n)],
                         pa.decimal128(9, 2)),
        "dec18": pa.array([maybe(rng, 0.2, decimal.Decimal(rng.randint(-10**17, 10**17)).scaleb(-4)) for _ in range(n)],
                          pa.decimal128(18, 4)),
        "dec30": pa.array([maybe(rng, 0.2, decimal.Decimal(rng.randint(-10**29, 10**29)).scaleb(-5)) for _ in range(n)],
                          pa.decimal128(30, 5)),
        "req": pa.array([rng.randint(0, 5) for _ in range(n)], pa.int32()),
    }
    schema = pa.schema([pa.field(k, v.type, nullable=(k != "req")) for k, v in cols.items()])
    return pa.Table.from_arrays(list(cols.values()), schema=schema)


def nested(n=150, seed=2):
    rng = random.Random(seed)
    point = pa.struct([("x", pa.float64()), ("y", pa.float64()), ("label", pa.string())])
    rows = []
    for i in range(n):
        rows.append({
            "id": i,
            "tags": maybe(rng, 0.2, [maybe(rng, 0.1, f"t{rng.randint(0, 20)}") for _ in range(rng.randint(0, 4))]),
            "points": maybe(rng, 0.2, [maybe(rng, 0.1, {"x": rng.random(), "y": maybe(rng, 0.2, rng.random()),
                                                        "label": maybe(rng, 0.3, f"p{i}")})
                                       for _ in range(rng.randint(0, 3))]),
            "matrix": maybe(rng, 0.2, [maybe(rng, 0.2, [maybe(rng, 0.1, rng.randint(0, 99))
                                                        for _ in range(rng.randint(0, 3))])
                                       for _ in range(rng.randint(0, 3))]),
            "attrs": maybe(rng, 0.2, [(f"k{j}", maybe(rng, 0.2, rng.randint(0, 1000))) for j in range(rng.randint(0, 3))]),
            "props": maybe(rng, 0.2, [(f"p{j}", maybe(rng, 0.2, [f"v{m}" for m in range(rng.randint(0, 2))]))
                                      for j in range(rng.randint(0, 2))]),
            "person": maybe(rng, 0.2, {
                "name": maybe(rng, 0.2, f"name{i}"),
                "address": maybe(rng, 0.3, {"city": maybe(rng, 0.2, "Basel"), "zip": rng.randint(1000, 9999),
                                            "geo": maybe(rng, 0.5, {"lat": rng.random(), "lon": rng.random()})}),
                "phones": maybe(rng, 0.3, [{"kind": rng.choice(["home", "work"]), "number": str(rng.randint(0, 10**9))}
                                           for _ in range(rng.randint(0, 2))]),
            }),
        })
    schema = pa.schema([
        pa.field("id", pa.int64(), nullable=False),
        ("tags", pa.list_(pa.string())),
        ("points", pa.list_(point)),
        ("matrix", pa.list_(pa.list_(pa.int32()))),
        ("attrs", pa.map_(pa.string(), pa.int64())),
        ("props", pa.map_(pa.string(), pa.list_(pa.string()))),
        ("person", pa.struct([
            ("name", pa.string()),
            ("address", pa.struct([("city", pa.string()), pa.field("zip", pa.int32(), nullable=False),
                                   ("geo", pa.struct([("lat", pa.float64()), ("lon", pa.float64())]))])),
            ("phones", pa.list_(pa.struct([("kind", pa.string()), ("number", pa.string())]))),
        ])),
    ])
    return pa.Table.from_pylist(rows, schema=schema)


def encodings(n=300, seed=3):
    rng = random.Random(seed)
    base = rng.randint(0, 10**6)
    return pa.table({
        "delta_i32": pa.array([maybe(rng, 0.1, base + i * 3 + rng.randint(-5, 5)) for i in range(n)], pa.int32()),
        "delta_i64": pa.array([maybe(rng, 0.1, rng.randint(-2**40, 2**40)) for _ in range(n)], pa.int64()),
        "dlba": pa.array([maybe(rng, 0.1, "v" * rng.randint(0, 12)) for _ in range(n)], pa.string()),
        "dba": pa.array([maybe(rng, 0.1, f"prefix/common/{rng.randint(0, 50):04d}") for _ in range(n)], pa.string()),
        "bss_f": pa.array([maybe(rng, 0.1, rng.uniform(-100, 100)) for _ in range(n)], pa.float32()),
        "bss_d": pa.array([maybe(rng, 0.1, rng.uniform(-1e9, 1e9)) for _ in range(n)], pa.float64()),
    })


ENCODINGS = {"delta_i32": "DELTA_BINARY_PACKED", "delta_i64": "DELTA_BINARY_PACKED", "dlba": "DELTA_LENGTH_BYTE_ARRAY",
             "dba": "DELTA_BYTE_ARRAY", "bss_f": "BYTE_STREAM_SPLIT", "bss_d": "BYTE_STREAM_SPLIT"}


def main():
    for f in os.listdir(HERE):
        if f.endswith(".parquet") or f.endswith(".json"):
            os.remove(os.path.join(HERE, f))
    prim = primitives()
    for codec in ["none", "snappy", "gzip", "zstd"]:
        write(f"primitives_{codec}_v1", prim, compression=codec, data_page_version="1.0", row_group_size=50)
    write("primitives_zstd_v2", prim, compression="zstd", data_page_version="2.0", row_group_size=50)
    write("primitives_snappy_v2_plain", prim, compression="snappy", data_page_version="2.0", use_dictionary=False)
    write("primitives_none_v1_plain", prim, compression="none", use_dictionary=False, data_page_size=256)
    write("primitives_legacy_v1", prim.drop_columns(["dec30"]), compression="snappy", version="1.0")
    nest = nested()
    write("nested_v1", nest, compression="zstd", row_group_size=40, data_page_size=512)
    write("nested_v2", nest, compression="snappy", data_page_version="2.0", row_group_size=64, use_dictionary=False)
    write("nested_legacy_lists", nest, compression="none", use_compliant_nested_type=False)
    enc = encodings()
    write("encodings_v1", enc, compression="zstd", use_dictionary=False, column_encoding=ENCODINGS)
    write("encodings_v2", enc, compression="none", use_dictionary=False, column_encoding=ENCODINGS,
          data_page_version="2.0", data_page_size=400)
    ts = pa.table({"ts": pa.array([None, 0, 1_700_000_000_123_456_789, -86_400_000_000_123], pa.timestamp("ns"))})
    write("int96", ts, use_deprecated_int96_timestamps=True)
    bools = pa.table({"b": pa.array([True, False, None, True] * 40, pa.bool_())})
    write("bool_rle_v2", bools, data_page_version="2.0", use_dictionary=False, column_encoding={"b": "RLE"})
    uuids = pa.table({"u": pa.array([__import__("uuid").UUID(int=i * 2**100 + 7).bytes if i % 4 else None
                                      for i in range(20)], pa.uuid())})
    write("uuid", uuids)


if __name__ == "__main__":
    main()
