"""Hypothesis strategies for what a panel may send (issue 34): every field any JSON value —
huge, Infinity, NaN, exponents, negative, objects, missing — as real panels and strangers do."""

from __future__ import annotations

from hypothesis import strategies as st

ODD_NUMBERS = st.sampled_from(
    [
        "Infinity",
        "-Infinity",
        "NaN",
        "1e30",
        "1E400",
        "8300000000",
        "-1",
        "12.5",
        "",
        " 7 ",
        "١٢",
        "0x1F",
        "9" * 400,
        "null",
        "true",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(),  # NaN and the infinities included: Python's JSON writes them, as PHP can
    st.text(max_size=20),
    ODD_NUMBERS,
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
# A number field: mostly the odd numbers panels really send, sometimes anything at all.
NUMBER = st.one_of(
    ODD_NUMBERS, st.integers(min_value=-(2**70), max_value=2**70), st.floats(), ANY_JSON
)
STATUS_WORDS = st.sampled_from(
    [
        "Pending",
        "In progress",
        "Processing",
        "Completed",
        "Partial",
        "Canceled",
        "Cancelled",
        "Fail",
        "Error",
        "completed",
        "",
    ]
)
ORDER_STATE = st.one_of(
    ANY_JSON,
    # Mostly the shape a panel means, with odd values in it.
    st.fixed_dictionaries(
        {"status": STATUS_WORDS, "remains": NUMBER, "start_count": NUMBER, "charge": NUMBER}
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "status": st.one_of(STATUS_WORDS, ANY_JSON),
            "charge": NUMBER,
            "start_count": NUMBER,
            "remains": NUMBER,
            "currency": ANY_JSON,
            "error": ANY_JSON,
        },
    ),
)
REFILL_STATE = st.one_of(ANY_JSON, STATUS_WORDS, st.sampled_from(["Rejected", "Completed"]))
PLAUSIBLE_SERVICE = st.fixed_dictionaries(
    {
        "service": st.one_of(st.integers(min_value=1, max_value=500), ANY_JSON),
        "name": st.one_of(st.text(max_size=40), ANY_JSON),
        "rate": st.one_of(st.sampled_from(["0.90", "1", "12.5"]), NUMBER),
        "min": st.one_of(st.sampled_from(["10", 50]), NUMBER),
        "max": st.one_of(st.sampled_from(["10000", 2147483647, "Infinity"]), NUMBER),
    },
    optional={
        "type": st.one_of(st.sampled_from(["Default", "Package", "Custom Comments"]), ANY_JSON),
        "category": st.one_of(st.text(max_size=20), ANY_JSON),
        "refill": ANY_JSON,
        "cancel": ANY_JSON,
        "dripfeed": ANY_JSON,
        "description": ANY_JSON,
        "desc": ANY_JSON,
    },
)
SERVICES_ANSWER = st.one_of(st.lists(PLAUSIBLE_SERVICE | ANY_JSON, max_size=6), ANY_JSON)
ADD_ANSWER = st.one_of(
    ANY_JSON, st.fixed_dictionaries({"order": ANY_JSON}), st.fixed_dictionaries({"error": ANY_JSON})
)
