"""Every usage example in README.md and docs/**/*.md runs: one test per Markdown file.

Fenced blocks:

* ```console — each line starting with `$ ` is a command, run from the repository root. The
  lines after it, up to the next `$ ` line, are its expected output: each non-blank line that does
  not contain `...` must appear in the actual standard output plus standard error (runs of
  spaces are compared as one, so tables may be shown abbreviated). A line `# exit N` right after
  the command states the expected exit code (default 0). Supported commands: `burdenshare …`
  (run in this process as the console script runs it: `clitools.invoke`), optionally with
  `> FILE`, and `cat FILE`. Files may be written only under `/tmp/`; the test maps `/tmp/` to a
  fresh temporary folder so runs neither collide nor leave files behind.
* ```python — executed with `exec`, one namespace per Markdown file (later blocks see earlier
  names), with the repository root as working directory and `/tmp/` mapped as above.
* A block right after an HTML comment `<!-- skip-test -->` is not run; ```toml, ```text, ```json
  and other non-shell blocks are not run. Shell blocks fenced as ```bash/```sh are an error: use
  ```console so that they run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from clitools import invoke, working_folder

ROOT = Path(__file__).resolve().parents[1]
SKIP_MARK = "<!-- skip-test -->"
SHELL_FENCES = {"bash", "sh", "shell", "zsh", "shell-session"}
TMP = "/tmp/"


@dataclass
class Block:
    """One fenced block: its language, first line number (1-based) and body lines."""

    lang: str
    line: int
    lines: list[str]
    skip: bool = False


@dataclass
class Command:
    """One `$ ` command of a console block with its expected exit code and output lines."""

    text: str
    line: int
    exit_code: int = 0
    expected: list[str] = field(default_factory=list)


def doc_files() -> list[Path]:
    """README.md and every Markdown file under docs/, in a stable order."""
    files = [ROOT / "README.md"] if (ROOT / "README.md").exists() else []
    files += sorted((ROOT / "docs").rglob("*.md"))
    return files


def parse_blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text (``` or ~~~ fences, info string's first word)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    previous = ""
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        fence = re.match(r"^(`{3,}|~{3,})\s*([^\s`]*)", stripped)
        if fence is None:
            if stripped:
                previous = stripped
            i += 1
            continue
        marker, lang = fence.group(1), fence.group(2).lower()
        body: list[str] = []
        start = i + 1
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(marker):
            body.append(lines[i])
            i += 1
        blocks.append(Block(lang, start, body, skip=previous == SKIP_MARK))
        previous = ""
        i += 1
    return blocks


def parse_console(block: Block) -> list[Command]:
    """The commands of a console block (a trailing backslash continues a command line)."""
    commands: list[Command] = []
    lines = block.lines
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        number = block.line + 1 + i
        if raw.startswith("$ "):
            text = raw[2:]
            while text.endswith("\\") and i + 1 < len(lines):
                i += 1
                text = text[:-1].rstrip() + " " + lines[i].strip()
            command = Command(text.strip(), number)
            exit_mark = (
                re.match(r"^#\s*exit\s+(\d+)\s*$", lines[i + 1].strip())
                if (i + 1 < len(lines))
                else None
            )
            if exit_mark:
                command.exit_code = int(exit_mark.group(1))
                i += 1
            commands.append(command)
        elif commands:
            commands[-1].expected.append(raw)
        elif raw.strip():
            raise AssertionError(
                f"line {number}: console block text before the first `$ ` command: {raw!r}"
            )
        i += 1
    return commands


def normalise(text: str) -> str:
    """Collapse runs of whitespace, so that table padding does not matter."""
    return re.sub(r"\s+", " ", text).strip()


def check_output(command: Command, code: int, output: str, where: str) -> None:
    """Exit code as expected, and every checked expected line found in the output."""
    shown = output if len(output) < 4000 else output[:2000] + "\n[…]\n" + output[-2000:]
    assert code == command.exit_code, (
        f"{where}: `{command.text}` exited with {code}, expected {command.exit_code}\n{shown}"
    )
    actual = normalise(output)
    for line in command.expected:
        if not line.strip() or "..." in line:
            continue
        assert normalise(line) in actual, (
            f"{where}: `{command.text}`: expected output line not found:\n  {line.strip()}\n"
            f"actual output:\n{shown}"
        )


def _map_tmp(token: str, tmp: Path) -> str:
    return token.replace(TMP, f"{tmp}/")


def _unmap_tmp(text: str, tmp: Path) -> str:
    return text.replace(f"{tmp}/", TMP).replace(str(tmp), TMP.rstrip("/"))


def _under_tmp(path: str) -> bool:
    return os.path.normpath(path).startswith(TMP) or os.path.normpath(path) == TMP.rstrip("/")


def run_command(command: Command, tmp: Path, where: str) -> tuple[int, str]:
    """Run one documented command; return its exit code and standard output + error."""
    tokens = shlex.split(command.text)
    if any(t in ("|", "&&", ";", "||", "<", "2>", ">>") for t in tokens):
        raise AssertionError(f"{where}: `{command.text}`: pipes, chains and <, 2>, >> unsupported")
    target = None
    if ">" in tokens:
        at = tokens.index(">")
        if at != len(tokens) - 2:
            raise AssertionError(f"{where}: `{command.text}`: `> FILE` must end the command")
        target = tokens[at + 1]
        tokens = tokens[:at]
    written = [target] if target else []
    written += [tokens[i + 1] for i, t in enumerate(tokens[:-1]) if t in ("--out", "--plot")]
    written += [t.split("=", 1)[1] for t in tokens if t.startswith(("--out=", "--plot="))]
    for path in written:
        assert _under_tmp(path), f"{where}: `{command.text}`: docs may write only under /tmp/"
    if tokens[0] == "cat":
        assert len(tokens) == 2, f"{where}: `cat` takes one file"
        path = Path(_map_tmp(tokens[1], tmp))
        path = path if path.is_absolute() else ROOT / path
        if not path.is_file():
            return 1, f"cat: {tokens[1]}: No such file or directory\n"
        return 0, path.read_text(encoding="utf-8")
    if tokens[0] != "burdenshare":
        raise AssertionError(f"{where}: `{command.text}`: only `burdenshare` and `cat` run here")
    args = [_map_tmp(t, tmp) for t in tokens[1:]]
    proc = invoke(*args, cwd=ROOT, env={"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"})
    output = proc.stdout + proc.stderr
    if target is not None:
        Path(_map_tmp(target, tmp)).write_text(proc.stdout, encoding="utf-8")
        output = proc.stderr
    return proc.returncode, _unmap_tmp(output, tmp)


def run_file(path: Path, tmp: Path) -> int:
    """Run every runnable block of `path`; return how many blocks ran."""
    rel = path.relative_to(ROOT).as_posix()
    namespace: dict[str, object] = {"__name__": f"docs:{rel}"}
    ran = 0
    for block in parse_blocks(path.read_text(encoding="utf-8")):
        where = f"{rel}:{block.line}"
        if block.skip:
            continue
        if block.lang in SHELL_FENCES:
            raise AssertionError(f"{where}: fence the shell example as ```console so it runs")
        if block.lang == "console":
            for command in parse_console(block):
                code, output = run_command(command, tmp, f"{rel}:{command.line}")
                check_output(command, code, output, f"{rel}:{command.line}")
            ran += 1
        elif block.lang in ("python", "py", "pycon"):
            source = _map_tmp("\n".join(block.lines), tmp)
            # dont_inherit: a block is compiled as its own module would be, without this
            # file's `from __future__ import annotations` (a dataclass in a block needs it)
            code = compile(source, where, "exec", dont_inherit=True)
            with working_folder(ROOT), contextlib.redirect_stdout(io.StringIO()):
                exec(code, namespace)
            ran += 1
    return ran


FILES = doc_files()


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_doc_examples_run(path: Path, tmp_path: Path) -> None:
    """Every console and python block of one Markdown file runs as documented."""
    if run_file(path, tmp_path) == 0:
        pytest.skip("no runnable examples in this file")


# ---- the checker itself must be able to fail -------------------------------------------------


def test_parser_reads_commands_exit_codes_and_skips() -> None:
    text = "\n".join(
        [
            "<!-- skip-test -->",
            "```console",
            "$ rm -rf /",
            "```",
            "",
            "```console",
            "$ burdenshare validate broken.toml",
            "# exit 2",
            "error: broken.toml: 2 problems",
            "  ...",
            "$ burdenshare run sma-2019 \\",
            "    --json",
            "```",
            "```toml",
            'name = "x"',
            "```",
        ]
    )
    blocks = parse_blocks(text)
    assert [(b.lang, b.skip) for b in blocks] == [
        ("console", True),
        ("console", False),
        ("toml", False),
    ]
    commands = parse_console(blocks[1])
    assert [c.text for c in commands] == [
        "burdenshare validate broken.toml",
        "burdenshare run sma-2019 --json",
    ]
    assert [c.exit_code for c in commands] == [2, 0]
    assert commands[0].expected == ["error: broken.toml: 2 problems", "  ..."]


def test_checker_rejects_wrong_exit_code_and_missing_lines() -> None:
    command = Command("burdenshare x", 1, 0, ["Outcome:   agreement", "... anything ..."])
    check_output(command, 0, "table\nOutcome: agreement on 2021-02-05\n", "t")
    with pytest.raises(AssertionError, match="exited with 2"):
        check_output(command, 2, "Outcome: agreement", "t")
    with pytest.raises(AssertionError, match="not found"):
        check_output(command, 0, "Outcome: no agreement", "t")


def test_commands_may_write_only_under_tmp(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="only under /tmp/"):
        run_command(Command("burdenshare export sma-2019 --out my.toml", 1), tmp_path, "t")
    with pytest.raises(AssertionError, match="only under /tmp/"):
        run_command(Command("burdenshare export sma-2019 > my.toml", 1), tmp_path, "t")
    with pytest.raises(AssertionError, match="only `burdenshare` and `cat`"):
        run_command(Command("python -c 1", 1), tmp_path, "t")


def test_readme_test_command_is_the_ci_command() -> None:
    """The README's second quick-start command is, character for character, what CI runs."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1].strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"$ {ci}\n" in readme, f"README must show the CI command verbatim: {ci}"


def test_index_links_every_page() -> None:
    """docs/index.md is the map of the documentation: every page under docs/ is linked from it."""
    index = ROOT / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    linked = {
        (index.parent / target).resolve()
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text)
    }
    pages = {p.resolve() for p in (ROOT / "docs").rglob("*.md") if p != index}
    missing = sorted(p.relative_to(ROOT).as_posix() for p in pages - linked)
    assert not missing, f"add these pages to docs/index.md: {missing}"


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_relative_links_resolve(path: Path) -> None:
    """Every relative link in README.md and docs/ points at a file that exists."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    broken = [
        target
        for target in re.findall(r"\]\(([^)\s]+)\)", text)
        if not re.match(r"^[a-z]+:", target)
        and not target.startswith("#")
        and not (path.parent / target.split("#", 1)[0]).exists()
    ]
    assert not broken, f"{path.relative_to(ROOT)}: broken links {broken}"
