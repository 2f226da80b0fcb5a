"""HTML pages: main text, title, site name and date, offline; broken markup never crashes."""

from __future__ import annotations

from datetime import date

from storyweave.model import Document, InputFailure

PARAGRAPHS = (
    "<p>The river council voted on Tuesday to rebuild the old stone bridge, ending a dispute that had "
    "divided the two villages for three years.</p>"
    "<p>Work will begin in the spring, the council chair said, and the crossing will stay open to "
    "walkers while the new arches are built.</p>"
)
PAGE = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Council votes to rebuild the bridge | Valley Gazette</title>
<meta property="og:title" content="Council votes to rebuild the bridge">
<meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2017-03-08T09:15:00+01:00">
<link rel="canonical" href="https://gazette.example/bridge-vote">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Council votes to rebuild the bridge</h1>{PARAGRAPHS}</article>
<footer>Copyright Valley Gazette</footer>
</body></html>"""


def test_page_gives_main_text_and_metadata(tmp_path, read_one):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.title == "Council votes to rebuild the bridge"
    assert doc.source == "Valley Gazette"
    assert doc.url == "https://gazette.example/bridge-vote"
    assert doc.published == date(2017, 3, 8)
    assert doc.text.startswith("The river council voted on Tuesday")  # the <h1> is the title, not text
    assert "Home" not in doc.text


def test_html_is_sniffed_on_stdin_and_in_unknown_files(tmp_path, read_one):
    assert read_one("-", stdin=PAGE.encode()).title == "Council votes to rebuild the bridge"
    path = tmp_path / "page.dat"
    path.write_text(PAGE, encoding="utf-8")
    assert read_one(path).source == "Valley Gazette"


def test_bare_fragment_is_read(read_one):
    doc = read_one("-", stdin=PARAGRAPHS.encode())
    assert isinstance(doc, Document)
    assert "stone bridge" in doc.text


def test_declared_legacy_charset_is_honoured(tmp_path, read_one):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("walkers", "walkers — café")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    assert "walkers — café" in read_one(path).text


def test_broken_markup_does_not_crash(tmp_path, read):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Unclosed <b><i>tags & <<<>> " + PARAGRAPHS[:150], encoding="utf-8")
    records = read(path)
    assert len(records) == 1
    assert isinstance(records[0], Document | InputFailure)


def test_page_without_text_is_one_failure(tmp_path, read_one):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    failure = read_one(path)
    assert failure == InputFailure(str(path), "no text found: the page has no main text to extract")


def test_page_text_that_looks_like_a_url_is_never_fetched(tmp_path, read_one, monkeypatch):
    import urllib3

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(urllib3.PoolManager, "request", refuse)
    monkeypatch.setattr(urllib3.PoolManager, "urlopen", refuse)
    path = tmp_path / "url.html"
    path.write_text("https://example.org/a-page-that-must-not-be-fetched", encoding="utf-8")
    assert isinstance(read_one(path), Document | InputFailure)
