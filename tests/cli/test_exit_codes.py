"""The CLI's contract with scripts: bad inputs are named, the rest is processed, the exit code tells."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyweave.cli import EXIT_NOTHING, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, app

REPORT_A = """Harbour crane collapses in Velmora

VELMORA, June 3, 2025 — A container crane collapsed at the port of Velmora on Tuesday, injuring four
dock workers, the port authority said. Port director Anika Sorel said the crane had passed an inspection
in April. Operations at the eastern terminal were suspended while engineers examine the structure.
"""

REPORT_B = """Crane collapse halts Velmora port terminal

VELMORA, June 4, 2025 — Work at the eastern terminal of Velmora port remained suspended on Wednesday after
a container crane collapsed, injuring four workers. Port director Anika Sorel said engineers were examining
the crane, which she said had passed an inspection in April.
"""

runner = CliRunner()


def _write(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (reports / "b.txt").write_text(REPORT_B, encoding="utf-8")
    return reports


def test_all_inputs_read_exits_zero_and_writes_index(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    out = tmp_path / "briefs"
    result = runner.invoke(app, ["brief", str(reports), "-o", str(out), "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["stories"], index
    assert (out / "index.html").exists() and (out / "index.md").exists()


def test_bad_inputs_are_named_and_the_rest_is_processed(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    (reports / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (reports / "empty.txt").write_bytes(b"")
    (reports / "broken.jsonl").write_text('{"text": "fine report about something long enough"}\n{not json\n')
    out = tmp_path / "briefs"
    result = runner.invoke(app, ["brief", str(reports), "-o", str(out), "--quiet"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    for name in ("image.txt", "empty.txt", "broken.jsonl:2"):
        assert name in result.output, (name, result.output)
    assert (out / "index.json").exists()


def test_nothing_readable_exits_three(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code == EXIT_NOTHING
    assert "missing.txt" in result.output


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    result = runner.invoke(app, ["brief", str(reports), "-o", str(tmp_path / "o"), "--format", "pdf"])
    assert result.exit_code == EXIT_USAGE
    assert "pdf" in result.output


def test_an_output_that_cannot_be_a_directory_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    taken = tmp_path / "taken"
    taken.write_text("a file", encoding="utf-8")
    for output in (taken, taken / "below"):
        result = runner.invoke(app, ["brief", str(reports), "-o", str(output), "-q"])
        assert result.exit_code == EXIT_USAGE
        assert "cannot write briefs to" in result.output and "Traceback" not in result.output


def test_a_size_limit_below_one_byte_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "never.sqlite"
    result = runner.invoke(app, ["ingest", str(_write(tmp_path)), "--db", str(db), "--max-bytes", "0"])
    assert result.exit_code == EXIT_USAGE
    assert not db.exists()


def test_closed_standard_input_fails_only_the_dash(tmp_path: Path, monkeypatch) -> None:
    from storyweave.ingest import read_inputs

    monkeypatch.setattr("sys.stdin", None)
    (failure,) = list(read_inputs(["-"]))
    assert "standard input is closed" in failure.reason


def test_rerun_on_same_inputs_adds_nothing(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    db = tmp_path / "store.sqlite"
    first = runner.invoke(app, ["ingest", str(reports), "--db", str(db), "-q"])
    second = runner.invoke(app, ["ingest", str(reports), "--db", str(db), "-q"])
    assert first.exit_code == second.exit_code == EXIT_OK
    assert "2 new" in first.output
    assert "0 new" in second.output and "2 already stored" in second.output


def test_stdin_is_an_input(tmp_path: Path) -> None:
    line = json.dumps({"text": REPORT_A, "title": "Crane", "published": "2025-06-03", "source": "Wire"})
    out = tmp_path / "briefs"
    result = runner.invoke(app, ["brief", "-", "-o", str(out), "-q"], input=line + "\n")
    assert result.exit_code == EXIT_OK, result.output
    story = json.loads((out / "index.json").read_text(encoding="utf-8"))["stories"][0]
    assert "2025-06-03" in json.dumps(story)


def test_stories_and_show_read_the_store(tmp_path: Path) -> None:
    reports = _write(tmp_path)
    db = tmp_path / "store.sqlite"
    assert runner.invoke(app, ["ingest", str(reports), "--db", str(db), "-q"]).exit_code == EXIT_OK
    listed = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    rows = json.loads(listed.output)
    assert rows and rows[0]["reports"] == 2
    shown = runner.invoke(app, ["show", rows[0]["id"][:6], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Velmora" in shown.output and "(#source-1)" in shown.output


def test_reading_commands_do_not_create_a_store_from_a_typo(tmp_path: Path) -> None:
    typo = tmp_path / "stroe.sqlite"
    for command in (["stories", "--db", str(typo)], ["show", "abc", "--db", str(typo)]):
        result = runner.invoke(app, command)
        assert result.exit_code == EXIT_NOTHING
        assert "no store at" in result.output
    assert not typo.exists()


def test_a_weak_token_is_one_line_before_the_server_starts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STORYWEAVE_TOKEN", "short")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.sqlite"), "--port", "8799"])
    assert result.exit_code == EXIT_USAGE
    assert "at least 16" in result.output and "Traceback" not in result.output


def test_titles_holding_console_markup_are_printed_as_written(tmp_path: Path) -> None:
    title = "Depot fire [/] kills [bold red]three[/bold red]"
    line = json.dumps({"text": REPORT_A, "title": title})
    db = tmp_path / "s.sqlite"
    assert runner.invoke(app, ["ingest", "-", "--db", str(db), "-q"], input=line + "\n").exit_code == EXIT_OK
    result = runner.invoke(app, ["stories", "--db", str(db)], terminal_width=200)
    assert result.exit_code == EXIT_OK, result.output
    assert "[/]" in result.output and "[bold" in result.output  # shown, not read as markup
