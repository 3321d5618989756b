"""What the summaries say about deals in stages and about share issues: `analyze` states that it
judges the first stage's status quo, or with `--stage 2` the stage after the run's stop-gap;
`forecast` refuses a share issue as a stakeholder dimension with a message saying what to do
instead (exit 2)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from clitools import invoke

from burdenshare.analysis.briefing import stage_note
from burdenshare.scenario import load
from burdenshare.scenario.load import builtin_text


def test_analyze_says_it_judges_the_first_stage() -> None:
    japan = load("japan-hns-2021")
    note = stage_note(japan)
    assert note is not None
    assert "judges the first stage" in note and "(FY2016-20) expiring 2021-03-31" in note
    assert stage_note(load("sma-2019")) is None
    done = invoke("analyze", "japan-hns-2021", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["notes"] == [note]
    assert f"note: {note}" in done.stderr


def test_analyze_judges_a_later_stage_against_the_stopgap_the_run_agrees() -> None:
    """`--stage 2` on japan-hns-2021: the run's FY2021 extension (JPY 201.7 bn, one year,
    agreed 2021-02-17) is the status quo, its expiry 2022-03-31 the deadline and win-set day;
    the analysis is that of the scenario after that stop-gap."""
    from burdenshare.analysis.briefing import analyze
    from burdenshare.engine import negotiate

    japan = load("japan-hns-2021")
    stages = negotiate(japan).outcome.stages
    assert stages is not None and stages[0].stopgap
    done = invoke("analyze", "japan-hns-2021", "--stage", "2", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["stage"] == 2
    assert document["winsets"]["day"] == "2022-03-31"
    (note,) = document["notes"]
    assert "judges stage 2" in note and "agreed on 2021-02-17" in note and "(FY2021)" in note
    after = analyze(japan.after_stages(stages[:1]), "reservation")
    nash = after.solution_terms["nash"]
    assert nash is not None and nash["amount"] == 201.7  # the extension's amount, for 5 years
    assert document["solutions"]["nash"]["terms"] == nash.to_json()
    assert document["disagreement"]["utilities"] == list(after.disagreement)
    assert json.loads(invoke("analyze", "japan-hns-2021", "--json").stdout)["stage"] == 1
    for args, message in [
        (("--stage", "3"), "agrees 1 stop-gap(s), so its talks reach stage 2 at most"),
        (("--stage", "0"), "expected a stage number from 1"),
        (("--stage", "2", "--run"), "--run and --vary start from the first stage"),
    ]:
        refused = invoke("analyze", "japan-hns-2021", *args)
        assert refused.returncode == 2 and message in refused.stderr
        assert "Traceback" not in refused.stderr


def test_forecast_refuses_a_share_issue_dimension_clearly(tmp_path: Path) -> None:
    text = (
        builtin_text("nato-common-funding-2021")
        + """
[stakeholders]
dimensions = [{ name = "split", issue = "split" }]
[[stakeholders.actors]]
name = "a"
capability = 1
position = { split = 20 }
salience = { split = 1 }
rationale = "assumed"

[[stakeholders.actors]]
name = "b"
capability = 1
position = { split = 15 }
salience = { split = 1 }
rationale = "assumed"

[[stakeholders.actors]]
name = "c"
capability = 1
position = { split = 18 }
salience = { split = 1 }
rationale = "assumed"
"""
    )
    path = tmp_path / "nato-forecast.toml"
    path.write_text(text, encoding="utf-8")
    done = invoke("forecast", str(path))
    assert done.returncode == 2
    assert "stakeholders.dimensions[0].issue: issue 'split' is a share issue" in done.stderr
    assert "forecast a payer's share on a dimension of its own without `issue`" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def _text(table: object) -> str:
    from rich.console import Console

    console = Console(record=True, width=200, file=io.StringIO())
    console.print(table)
    return console.export_text()


def test_monte_carlo_reports_the_share_of_runs_with_a_stop_gap_first() -> None:
    """P(stop-gap) counted in the store equals the runs' own first stop-gaps, run by run, and
    the stop-gaps' terms are summarised apart from the final deal's."""
    from burdenshare.cli.experiments_tables import montecarlo_tables
    from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
    from burdenshare.scenario.uncertainty import load_uncertain

    loaded, uncertain = load_uncertain("japan-hns-2021")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 8, 3)
    columns = run_range(plan, 0, plan.runs)
    expected = [plan.run(i)[1].stopgap for i in range(plan.runs)]
    assert [None if k < 0 else int(k) for k in columns.stopgap] == expected
    assert 0 < sum(k is not None for k in expected) < 8  # both kinds of run in the sample
    done = invoke("montecarlo", "japan-hns-2021", "-n", "8", "--seed", "3", "--no-store", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    stages = summary["stages"]
    assert stages["p_stopgap"] == sum(k is not None for k in expected) / 8
    assert stages["stopgap_terms_quantiles"]["duration"]["quantiles"]["max"] <= 1
    assert "final deal" in stages["final_deal"]
    head, terms, gap, *_ = montecarlo_tables(plan, summary)
    assert "a stop-gap agreed first" in _text(head)
    assert terms.title is not None and terms.title.startswith("final deal's terms")
    assert gap.title is not None and gap.title.startswith("stop-gap terms")


def test_a_scenario_without_stages_keeps_its_summary() -> None:
    from burdenshare.cli.experiments_tables import montecarlo_tables
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.scenario.uncertainty import load_uncertain

    done = invoke("montecarlo", "sma-2019", "-n", "4", "--no-store", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert "stages" not in summary
    loaded, uncertain = load_uncertain("sma-2019")
    head, terms, *_ = montecarlo_tables(MonteCarloPlan(loaded.scenario, uncertain, 4, 0), summary)
    assert terms.title == "agreed terms (over agreements)"
    assert "stop-gap" not in _text(head)


def test_runs_stored_without_the_record_leave_p_stopgap_unknown(tmp_path: Path) -> None:
    """A format-1 store (before stop-gaps were recorded) is upgraded in place; its runs'
    stop-gaps stay NULL, and the summary says it does not know rather than 0 %."""
    import duckdb
    from builders import store_chunk

    from burdenshare.execution.jobs import summary_of
    from burdenshare.execution.store import FORMAT, FORMAT_TABLE, SCHEMA_V1, Store
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.scenario.uncertainty import load_uncertain

    loaded, uncertain = load_uncertain("japan-hns-2021")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 4, 0)
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(SCHEMA_V1 + FORMAT_TABLE)
        con.execute("INSERT INTO burdenshare_store VALUES (1, 'older')")
    with Store(path, read_only=True) as db:
        assert not db.stopgaps  # read as it is
    with Store(path) as db:  # opened to write: format 2
        assert db.stopgaps
        assert db.con.execute("SELECT format FROM burdenshare_store").fetchall() == [(FORMAT,)]
        ident = db.create("montecarlo", plan.scenario.name, "", "", {}, 0, 4)
        db.write(ident, store_chunk(range(4), inputs=len(uncertain)))  # no stop-gap columns
        tallies, summary = summary_of(plan, db, ident)
    assert tallies.stopgaps is None and summary["stages"]["p_stopgap"] is None


def test_the_tournament_reports_stop_gaps_on_staged_scenarios_only() -> None:
    from burdenshare.experiments.tournament import stopgaps

    done = invoke(
        "tournament", "--scenario", "japan-hns-2021", "--scenario", "sma-2019",
        "--strategy", "boulware", "--strategy", "conceder", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out["p_stopgap"]) == {"japan-hns-2021"}
    assert all("stopgap" in e for e in out["leaderboard"])
    rows = [
        {"scenario": "a", "match": 0, "stopgap": 1.0},
        {"scenario": "a", "match": 0, "stopgap": 1.0},  # the other role of the same match
        {"scenario": "a", "match": 1, "stopgap": 0.0},
        {"scenario": "b", "match": 2, "stopgap": None},
    ]
    assert stopgaps(rows) == {"a": 0.5}
    plain = invoke("tournament", "--scenario", "sma-2019", "--strategy", "boulware", "--json")
    assert "p_stopgap" not in json.loads(plain.stdout)
    assert "stopgap" not in json.loads(plain.stdout)["leaderboard"][0]
