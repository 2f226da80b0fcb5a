from __future__ import annotations

import pytest

from storyweave.render import (
    OutputFormat,
    _registry,
    available_formats,
    get_format,
    register_format,
    write_briefs,
)


@pytest.fixture
def isolated_registry(monkeypatch):
    monkeypatch.setattr(_registry, "_FORMATS", dict(_registry._FORMATS))


def _plain_text() -> OutputFormat:
    return OutputFormat(
        name="txt",
        extension="txt",
        render_brief=lambda brief: brief.headline + "\n",
        render_index=lambda rows: "\n".join(row.file_name for row in rows) + "\n",
    )


def test_builtin_formats_are_registered():
    assert set(available_formats()) >= {"md", "html", "json"}
    assert get_format("html").extension == "html"


def test_a_new_format_plugs_into_the_writer(isolated_registry, ordinary_brief, tmp_path):
    register_format(_plain_text())
    paths = write_briefs([ordinary_brief], tmp_path, formats=("txt",))
    assert paths[0].read_text(encoding="utf-8") == ordinary_brief.headline + "\n"
    assert paths[1].name == "index.txt"
    assert paths[1].read_text(encoding="utf-8") == paths[0].name + "\n"


def test_registering_a_name_twice_needs_replace(isolated_registry):
    register_format(_plain_text())
    with pytest.raises(ValueError, match="already registered"):
        register_format(_plain_text())
    register_format(_plain_text(), replace=True)


@pytest.mark.parametrize(("name", "extension"), [("Bad Name", "txt"), ("ok", "../x"), ("", "txt")])
def test_unsafe_names_and_extensions_are_refused(isolated_registry, name, extension):
    fmt = OutputFormat(name, extension, lambda brief: "", lambda rows: "")
    with pytest.raises(ValueError, match="output format"):
        register_format(fmt)
