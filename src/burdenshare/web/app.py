"""The web app's routes: each reads the request, calls the application layer (through
`scenarios`, `pages`, `jobs`, `game`) and renders a template. `create_app` builds the app for
one working folder; `burdenshare serve` runs it with uvicorn.

Page map (stable `id`s for browser tests are listed in docs/reference/serve.md):

    /                          the scenario library (built-ins, the folder's files, upload)
    /scenario/REF              the editor: check, run, analyze, save, Monte Carlo, play
    /montecarlo                jobs and stored experiments;  /montecarlo/job/ID  progress
    /experiments/ID            a stored experiment reopened
    /whatif                    two variants side by side
    /history                   the SMA history chart
    /news                      paste or upload reports: the timeline and the scenario diff
    /play/REF                  play a side
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from burdenshare.errors import InputError, Problem
from burdenshare.files import MAX_SCENARIO_BYTES, check_size
from burdenshare.limits import MAX_NEWS_BYTES, MAX_RUNS, MAX_SEED, check_range
from burdenshare.scenario.load import decode_scenario
from burdenshare.web import game as games
from burdenshare.web import pages, scenarios
from burdenshare.web.jobs import Jobs
from burdenshare.web.safety import MAX_BODY, BodyTooLargeError, Guard, inside

T = TypeVar("T")

STORE_NAME = "results.duckdb"
"""The app's results store, in its working folder unless `serve --store` names another."""

_RENDER = threading.Lock()
"""Pages with figures are built one at a time (matplotlib's settings are global); reading,
checking and the library run beside them."""


def _templates() -> Jinja2Templates:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("burdenshare.web", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    return Jinja2Templates(env=env)


async def _form(request: Request) -> FormData:
    """The posted form (uploads up to the body limit)."""
    return await request.form(max_files=20, max_fields=200, max_part_size=MAX_BODY)


def _text(form: FormData | dict[str, str], name: str, default: str = "") -> str:
    value = form.get(name)
    return value if isinstance(value, str) else default


def _int(form: FormData | dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = form.get(name)
    if raw is None or raw == "":
        return default
    if not isinstance(raw, str) or not raw.strip().lstrip("-").isdigit():
        raise InputError(Problem(name, f"expected a whole number, got {str(raw)[:40]!r}"))
    value = int(raw)
    check_range(value, name, low, high)
    return value


async def _upload(file: UploadFile, limit: int) -> bytes:
    """An uploaded file's bytes, refused with the command line's message beyond `limit`."""
    data = await file.read(limit + 1)
    check_size(max(len(data), file.size or 0), limit, file.filename or "upload")
    return data


async def _report_css(request: Request) -> Response:
    """The report's own style sheet (`reports.html.STYLE`): pages show the same tables as
    `burdenshare report`, styled by the same rules, written once."""
    from burdenshare.reports.html import STYLE

    return Response(STYLE, media_type="text/css")


def create_app(
    folder: Path,
    token: str | None = None,
    store: Path | None = None,
    hosts: tuple[str, ...] | None = ("127.0.0.1", "localhost"),
) -> Any:
    """The app for working folder `folder`: `token` (None: no token), the results store
    (default `folder/results.duckdb`), the host names it answers to (None: any)."""
    folder = folder.resolve()
    templates = _templates()
    jobs = Jobs(store if store is not None else folder / STORE_NAME)

    def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def failed(request: Request, exc: InputError, status: int = 400) -> Response:
        return render(request, "error.html", status, message=exc.render())

    async def work(func: Callable[..., T], *args: Any) -> T:
        """`func(*args)` in a worker thread, one figure-drawing page at a time."""

        def locked() -> T:
            with _RENDER:
                return func(*args)

        return await run_in_threadpool(locked)

    # --- the library -------------------------------------------------------------------

    async def library(request: Request) -> Response:
        builtins, files = await run_in_threadpool(scenarios.library, folder)
        return render(request, "library.html", builtins=builtins, files=files, folder=str(folder))

    async def upload(request: Request) -> Response:
        form = await _form(request)
        file = form.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            return failed(request, InputError(Problem("file", "choose a scenario file")))
        try:
            name = Path(file.filename).name
            path = inside(folder, name, "file")
            if not name.endswith(".toml"):
                raise InputError(Problem("file", "expected a scenario .toml file"), name)
            data = await _upload(file, MAX_SCENARIO_BYTES)
            text = decode_scenario(data, name)
            checked = await run_in_threadpool(scenarios.check, name, text)
            if checked.error is not None:
                raise checked.error
            if path.exists() or path.is_symlink():
                raise InputError(
                    Problem("file", "a file of that name is in the working folder; rename it"),
                    name,
                )
            from burdenshare.files import write_text_atomic

            write_text_atomic(path, text)
        except InputError as exc:
            return failed(request, exc)
        return RedirectResponse(f"/scenario/{name}", 303)

    # --- one scenario ------------------------------------------------------------------

    async def scenario_page(request: Request) -> Response:
        ref = request.path_params["ref"]
        try:
            origin, text = await run_in_threadpool(scenarios.read, folder, ref)
        except InputError as exc:
            return failed(request, exc, 404)
        checked = await run_in_threadpool(scenarios.check, origin, text)
        return editor(request, ref, text, checked, None, None)

    def editor(
        request: Request,
        ref: str,
        text: str,
        checked: scenarios.Checked,
        result: str | None,
        action: str | None,
        status: int = 200,
        note: str = "",
        seed: int = 0,
    ) -> Response:
        parties = [p.name for p in checked.loaded.scenario.parties] if checked.loaded else []
        return render(
            request,
            "scenario.html",
            status,
            ref=ref,
            text=text,
            checked=checked,
            problems=pages.problem_rows(checked, text),
            result=result,
            action=action,
            parties=parties,
            note=note,
            seed=seed,
            builtin=ref in _builtin_names(),
            schema=pages.schema_help(),
        )

    async def scenario_post(request: Request) -> Response:
        ref = request.path_params["ref"]
        form = await _form(request)
        text = _text(form, "text")
        action = _text(form, "action", "check")
        try:
            check_size(len(text.encode("utf-8")), MAX_SCENARIO_BYTES, ref)
        except InputError as exc:
            return failed(request, exc, 413)
        try:
            seed = _int(form, "seed", 0, 0, MAX_SEED)
        except InputError as exc:
            return failed(request, exc)
        checked = await run_in_threadpool(scenarios.check, ref, text)
        if checked.error is not None or action == "check":
            status = 200 if checked.error is None else 422
            return editor(request, ref, text, checked, None, action, status, seed=seed)
        assert checked.loaded is not None
        loaded = checked.loaded
        if action == "run":
            _, html = await work(pages.run_view, loaded, seed)
            return editor(request, ref, text, checked, html, action, seed=seed)
        if action == "analyze":
            html = await work(pages.analysis_view, loaded, seed)
            return editor(request, ref, text, checked, html, action, seed=seed)
        if action == "describe":
            html = await work(pages.scenario_view, loaded.scenario)
            return editor(request, ref, text, checked, html, action, seed=seed)
        if action == "save":
            name = _text(form, "save_as") or ref
            try:
                path = inside(folder, name, "save as")
                if not name.endswith(".toml"):
                    raise InputError(
                        Problem("save as", "expected a file name ending in .toml"), name
                    )
                from burdenshare.files import write_text_atomic

                write_text_atomic(path, text)
            except InputError as exc:
                return editor(request, ref, text, checked, None, action, 400, note=exc.render())
            return RedirectResponse(f"/scenario/{name}?saved=1", 303)
        return failed(request, InputError(Problem("action", f"unknown action {action!r}")))

    # --- Monte Carlo ------------------------------------------------------------------------

    async def montecarlo_page(request: Request) -> Response:
        try:
            stored = await run_in_threadpool(jobs.listed)
            problem = ""
        except InputError as exc:
            stored, problem = [], exc.render()
        return render(
            request,
            "montecarlo.html",
            jobs=list(reversed(jobs.jobs.values())),
            stored=stored,
            problem=problem,
            store=str(jobs.store_path),
        )

    async def montecarlo_start(request: Request) -> Response:
        form = await _form(request)
        ref = _text(form, "ref")
        text = _text(form, "text")
        try:
            if not text:
                ref, text = await run_in_threadpool(scenarios.read, folder, ref)
            check_size(len(text.encode("utf-8")), MAX_SCENARIO_BYTES, ref)
            runs = _int(form, "runs", 1000, 1, MAX_RUNS)
            seed = _int(form, "seed", 0, 0, MAX_SEED)
            checked = await run_in_threadpool(scenarios.check, ref, text)
            if checked.error is not None:
                raise checked.error
            assert checked.loaded is not None
        except InputError as exc:
            return failed(request, exc)
        job = jobs.start(checked.loaded, checked.uncertain, runs, seed)
        return RedirectResponse(f"/montecarlo/job/{job.id}", 303)

    async def job_page(request: Request) -> Response:
        job = jobs.get(request.path_params["ident"])
        if job is None:
            return failed(request, InputError(Problem("job", "no such job")), 404)
        return render(request, "job.html", job=job.to_dict())

    async def job_json(request: Request) -> Response:
        job = jobs.get(request.path_params["ident"])
        if job is None:
            return JSONResponse({"error": "no such job"}, 404)
        return JSONResponse(job.to_dict())

    async def job_cancel(request: Request) -> Response:
        job = jobs.get(request.path_params["ident"])
        if job is None:
            return JSONResponse({"error": "no such job"}, 404)
        job.cancel.set()
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse(job.to_dict())
        return RedirectResponse(f"/montecarlo/job/{job.id}", 303)

    async def experiment_page(request: Request) -> Response:
        ident = request.path_params["ident"]

        def build() -> tuple[Any, str]:
            from burdenshare.reports.html import montecarlo_section

            stored, plan, tallies, summary = jobs.reopen(ident)
            return stored, montecarlo_section(plan, tallies, summary).html()

        try:
            stored, html = await work(build)
        except InputError as exc:
            return failed(request, exc, 404)
        except (ValueError, ZeroDivisionError):
            return failed(
                request,
                InputError(Problem(ident, "no runs stored yet: nothing to summarise")),
                404,
            )
        return render(request, "experiment.html", experiment=stored, result=html)

    # --- what-if, history, news ----------------------------------------------------------

    async def whatif(request: Request) -> Response:
        values: dict[str, str] = dict(request.query_params)
        sides: list[str] = []
        problem = ""
        if request.method == "POST":
            form = await _form(request)
            values = {k: _text(form, k) for k in ("ref", "set_a", "set_b", "seed")}
            try:
                seed = _int(values, "seed", 0, 0, MAX_SEED)
                origin, text = await run_in_threadpool(scenarios.read, folder, values["ref"])
                for key in ("set_a", "set_b"):
                    overrides = tuple(
                        line.strip() for line in values[key].splitlines() if line.strip()
                    )
                    checked = await run_in_threadpool(scenarios.check, origin, text, overrides)
                    if checked.error is not None:
                        raise checked.error
                    assert checked.loaded is not None
                    sides.append(await work(pages.whatif_view, checked.loaded, seed))
            except InputError as exc:
                problem, sides = exc.render(), []
        builtins = _builtin_names()
        return render(
            request,
            "whatif.html",
            200 if not problem else 422,
            values=values,
            sides=sides,
            problem=problem,
            builtins=builtins,
        )

    async def history(request: Request) -> Response:
        figure, agreements = await work(pages.history_view)
        return render(request, "history.html", figure=figure, agreements=agreements)

    async def news(request: Request) -> Response:
        context: dict[str, Any] = {"values": {}, "problem": "", "result": None}
        if request.method == "POST":
            form = await _form(request)
            values = {k: _text(form, k) for k in ("text", "scenario", "date")}
            context["values"] = values
            try:
                reports: list[tuple[str, bytes]] = []
                if values["text"].strip():
                    reports.append(("pasted report", values["text"].encode("utf-8")))
                for file in form.getlist("files"):
                    if isinstance(file, UploadFile) and file.filename:
                        data = await _upload(file, MAX_NEWS_BYTES)
                        reports.append((Path(file.filename).name, data))
                if not reports:
                    raise InputError(Problem("report", "paste a report or choose files"))
                check_size(sum(len(d) for _, d in reports), MAX_NEWS_BYTES, "reports")
                context["result"] = await run_in_threadpool(
                    _news, reports, values["date"], values["scenario"], folder
                )
            except InputError as exc:
                context["problem"] = exc.render()
        context["builtins"] = _builtin_names()
        return render(request, "news.html", 422 if context["problem"] else 200, **context)

    # --- play ------------------------------------------------------------------------------

    async def play(request: Request) -> Response:
        ref = request.path_params["ref"]
        form: FormData | dict[str, str]
        form = await _form(request) if request.method == "POST" else dict(request.query_params)
        try:
            origin, text = await run_in_threadpool(scenarios.read, folder, ref)
            checked = await run_in_threadpool(scenarios.check, origin, text)
            if checked.error is not None:
                raise checked.error
            assert checked.loaded is not None
            loaded = checked.loaded
            names = [p.name for p in loaded.scenario.parties]
            party = str(form.get("party") or names[-1])
            if party not in names:
                raise InputError(
                    Problem(
                        "party", f"unknown party {party!r}; expected one of: {', '.join(names)}"
                    )
                )
            seed = _int(form, "seed", 0, 0, MAX_SEED)
            decisions = games.decisions_of(str(form.get("decisions") or "[]"))
            replay = form.get("replay")
            if isinstance(replay, UploadFile) and replay.filename:
                from burdenshare.reports.play import read_game

                raw = await _upload(replay, 4 * 2**20)
                saved = read_game(raw, Path(replay.filename).name, loaded.sha256, party)
                decisions = games.decisions_of(json.dumps(saved["decisions"]))
                seed = int(saved.get("seed", seed))
        except InputError as exc:
            return failed(request, exc)
        note = ""
        move = games.decision(loaded.scenario, form)
        try:
            view = await work(games.page, loaded, party, [*decisions, *move], seed)
        except InputError as exc:
            if not move:
                return failed(request, exc)
            note = exc.render()  # a bad offer: said once, the same turn asked again
            view = await work(games.page, loaded, party, decisions, seed)
        if _text(form, "action") == "save" and view["finished"]:
            return Response(
                view["saved"],
                media_type="application/json",
                headers={
                    "content-disposition": f'attachment; filename="{loaded.scenario.name}-'
                    f'{party}-game.json"'
                },
            )
        return render(
            request, "play.html", ref=ref, party=party, parties=names, seed=seed, note=note, **view
        )

    routes = [
        Route("/", library),
        Route("/upload", upload, methods=["POST"]),
        Route("/scenario/{ref:path}", scenario_page, methods=["GET"]),
        Route("/scenario/{ref:path}", scenario_post, methods=["POST"]),
        Route("/montecarlo", montecarlo_page, methods=["GET"]),
        Route("/montecarlo", montecarlo_start, methods=["POST"]),
        Route("/montecarlo/job/{ident}", job_page),
        Route("/montecarlo/job/{ident}/cancel", job_cancel, methods=["POST"]),
        Route("/api/jobs/{ident}", job_json),
        Route("/experiments/{ident}", experiment_page),
        Route("/whatif", whatif, methods=["GET", "POST"]),
        Route("/history", history),
        Route("/news", news, methods=["GET", "POST"]),
        Route("/play/{ref:path}", play, methods=["GET", "POST"]),
        Route("/static/report.css", _report_css),
        Mount("/static", StaticFiles(packages=[("burdenshare.web", "static")]), name="static"),
    ]

    async def too_large(request: Request, exc: Exception) -> Response:
        return HTMLResponse(f'<!DOCTYPE html><p data-test="error">{exc}</p>', status_code=413)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        jobs.close()

    app = Starlette(
        routes=routes, exception_handlers={BodyTooLargeError: too_large}, lifespan=lifespan
    )
    app.state.jobs = jobs
    app.state.folder = folder
    wrapped: Any = Guard(app, token)
    if hosts is not None:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        wrapped = TrustedHostMiddleware(wrapped, allowed_hosts=list(hosts))
    wrapped.state = app.state
    return wrapped


def _builtin_names() -> tuple[str, ...]:
    from burdenshare.scenario import builtin_names

    return builtin_names()


def _news(
    reports: list[tuple[str, bytes]], date: str, scenario_ref: str, folder: Path
) -> dict[str, Any]:
    """The extracted timeline of the reports and, with a scenario, the proposed diff."""
    import datetime as dt

    from burdenshare.news.timeline import Timeline
    from burdenshare.reports.news import news_dict, propose, read_report
    from burdenshare.scenario.load import load_text

    report_date = None
    if date.strip():
        try:
            report_date = dt.date.fromisoformat(date.strip())
        except ValueError:
            raise InputError(Problem("date", f"expected YYYY-MM-DD, got {date!r}")) from None
    extractions = []
    merged = Timeline()
    for name, data in reports:
        x, digest = read_report(name, data, report_date)
        extractions.append(x)
        merged = merged.add(x, digest)
    proposal = None
    if scenario_ref.strip():
        origin, text = scenarios.read(folder, scenario_ref.strip())
        loaded = load_text(origin, text)
        name = origin if origin.endswith(".toml") else f"{origin}.toml"
        proposal = propose(merged, loaded, name)
    return news_dict(extractions, merged, proposal)
