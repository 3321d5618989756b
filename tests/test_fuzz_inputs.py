"""Bad input across formats (issue 14 item 7): every reader answers `InputError` or a value,
never another exception, a hang or an allocation the input asks for; a few cases run as the
corpus replay does (subprocess, empty folder, 4 GB, 60 s)."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sandboxed import run_sandboxed

from burdenshare.calibration.observed_text import parse_observed
from burdenshare.errors import InputError
from burdenshare.files import atomic_output, read_input, write_text_atomic
from burdenshare.news.sentences import split_sentences
from burdenshare.reports.news import read_report
from burdenshare.scenario.genius import read_domain
from burdenshare.scenario.ktab_csv import parse_ktab_csv
from burdenshare.scenario.load import load_source

FAST = settings(max_examples=15, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
EDGE_FLOATS = st.sampled_from(
    [0.0, -0.0, 1e-300, 5e-324, 1e-6, 1.0, 1e9, 1e13, 1e308, -1e308, float("inf"), float("nan")]
)


def _refused_or_value(call: object) -> None:
    try:
        call()  # type: ignore[operator]
    except InputError as exc:
        assert exc.render().strip()


@FAST
@given(field=st.sampled_from(["low", "high", "step"]), value=EDGE_FLOATS)
def test_issue_ranges_at_the_edges_of_floats_are_refused_before_allocating(
    field: str, value: float
) -> None:
    for issue in ("amount", "duration"):
        assignment = f"issues.{issue}.{field}={value!r}"
        _refused_or_value(lambda a=assignment: load_source("sma-2019", [a]))


def test_a_grid_asking_for_gigabytes_names_the_issue_and_the_size() -> None:
    with pytest.raises(InputError) as info:
        load_source("sma-2019", ["issues.amount.step=1e-6"])
    text = info.value.render()
    assert "issues[0].step" in text and "5e+09 values" in text and "37.3 GiB" in text


@pytest.mark.parametrize(
    ("assignment", "where"),
    [
        ("calendar.meetings.0.offers=1000000000", "calendar.meetings"),
        ("title=" + "[" * 600 + "]" * 600, "--set"),
    ],
)
def test_offer_limits_and_deep_values_are_one_problem(assignment: str, where: str) -> None:
    with pytest.raises(InputError) as info:
        load_source("sma-2019", [assignment])
    assert where in info.value.render()


def test_only_regular_files_of_bounded_size_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    for path, expected in [
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
        (tmp_path, "is a directory"),
        (tmp_path / "missing", "no such file"),
    ]:
        with pytest.raises(InputError, match=expected):
            read_input(path, "a test file")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="larger than"):
        read_input(big, "a test file", limit=1000)
    assert read_input(big, "a test file", limit=2000) == b"x" * 2000


def test_genius_xml_with_entities_is_refused_and_deep_objectives_are_read(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<!DOCTYPE n [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<negotiation_template><utility_space><objective name="&b;"/></utility_space>'
        "</negotiation_template>"
    )
    with pytest.raises(InputError, match="DOCTYPE"):
        read_domain(bomb)
    deep = tmp_path / "deep.xml"
    issue = '<issue index="1" name="x" type="integer" lowerbound="1" upperbound="9"/>'
    deep.write_text(
        "<negotiation_template><utility_space><objective>"
        + "<objective>" * 3000 + issue + "</objective>" * 3000
        + "</objective></utility_space></negotiation_template>"
    )  # fmt: skip
    assert [i.name for i in read_domain(deep)] == ["x"]


CSV_CELLS = st.sampled_from(
    ["", "1", "-1", "nan", "inf", "1e308", "2019-12-18", "9999-99-99", "USA", "ROK", "KRW", '"',
     "x" * 200]
)  # fmt: skip


@FAST
@given(rows=st.lists(st.lists(CSV_CELLS, max_size=7), max_size=6))
def test_observed_csv_and_ktab_csv_never_fail_otherwise(rows: list[list[str]]) -> None:
    body = "\n".join(",".join(r) for r in rows)
    observed = "date,party,amount,currency,factor,source\n" + body
    _refused_or_value(lambda: parse_observed(observed, "o.csv", lambda p: p or None))
    _refused_or_value(lambda: parse_ktab_csv("x,y,3,1,\nActor,Description,Power,P1,S1,\n" + body))


@FAST
@given(depth=st.integers(1, 3000), head=st.sampled_from(["{", "["]))
def test_observed_json_nested_deep_is_refused(depth: int, head: str) -> None:
    tail = "}" if head == "{" else "]"
    key = '"a":' if head == "{" else ""
    text = '{"a":' + (head + key) * depth + "1" + tail * depth + "}"
    _refused_or_value(lambda: parse_observed(text, "o.json", lambda p: p))


NEWS_TOKENS = st.sampled_from(
    ["Dec. 18, 2019", "U.S.", "KRW 1.1 trillion", "USD 5 bn", "1,", '"', "“", "”", "Mr.", "SMA",
     "talks", "said", "13%", "\n", "\n\n", ".", " ", "Kim", "(", "-", "round 5"]
)  # fmt: skip


@settings(FAST, deadline=None)  # the bound below is on this process's CPU time, not wall time
@given(tokens=st.lists(NEWS_TOKENS, max_size=60), repeat=st.integers(1, 400))
def test_news_text_is_read_in_time_linear_in_its_length(tokens: list[str], repeat: int) -> None:
    # Up to ~150 kB: about 4 s of CPU when linear; the quadratic path once found here took minutes.
    # CPU time (not wall time) so that other processes on a loaded CI machine do not count.
    text = (" ".join(tokens) + " ") * repeat
    started = time.process_time()
    _refused_or_value(lambda: read_report("x.txt", text.encode()))
    assert time.process_time() - started < 15.0


def test_many_dates_split_in_linear_time() -> None:
    from burdenshare.news.clean import clean_report

    started = time.process_time()  # this process's CPU time: other processes do not count
    split_sentences(clean_report("Dec. 18, 2019 " * 20_000))
    assert time.process_time() - started < 5.0  # 280 kB: 44 s for 140 kB before


def test_a_full_disk_while_writing_is_one_problem_and_clobbers_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("before")
    with pytest.raises(InputError, match="No space left on device"), atomic_output(target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_text() == "before" and sorted(tmp_path.iterdir()) == [target]
    with pytest.raises(InputError, match="is a directory"):
        write_text_atomic(tmp_path, "x")
    with pytest.raises(InputError, match="not a regular file"):
        write_text_atomic(Path("/dev/null"), "x")
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "/dev/zero"],
        ["run", "sma-2019", "--set", "calendar.meetings.0.offers=1000000000"],
        ["montecarlo", "sma-2019", "-n", str(2**63), "--no-store"],
    ],
)
def test_replayed_as_the_corpus_is(args: list[str], tmp_path: Path) -> None:
    outcome = run_sandboxed(args, tmp_path)
    assert outcome.clean_refusal, (outcome.code, outcome.stderr[-2000:])
    assert outcome.stdout == "" and list(tmp_path.iterdir()) == []
