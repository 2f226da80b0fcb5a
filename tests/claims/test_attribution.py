"""find_attributions on invented news text: quotation, indirect speech, "according to", offsets, seeds."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from storyweave.claims import find_attributions
from storyweave.claims.attribution import _extract
from storyweave.claims.attribution._lexicon import Lexicon, RoleCounts, bucket
from storyweave.model import Attribution

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "seeds"


def _covering(found: list[Attribution], words: str) -> Attribution:
    for attribution in found:
        if words in attribution.content.text:
            return attribution
    raise AssertionError(f"no attribution's content holds {words!r}: {[a.content.text for a in found]}")


def test_spans_are_offsets_into_the_text() -> None:
    text = 'The harbour master said the port would stay closed. "Nobody sails tonight," she told reporters.'
    found = find_attributions(text, article_id="a1")
    assert found
    for attribution in found:
        assert attribution.article_id == "a1"
        for span in (attribution.cue, attribution.content, attribution.source):
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert span.start < span.end


def test_indirect_speech_source_cue_content() -> None:
    text = "The harbour master said the port would stay closed until the storm passed."
    attribution = _covering(find_attributions(text), "port would stay closed")
    assert attribution.cue.text == "said"
    assert attribution.source is not None and "harbour master" in attribution.source.text
    assert attribution.certainty == "reported"


def test_quotation_before_inverted_cue() -> None:
    text = '"We will rebuild every house on this street," the governor said on Sunday.'
    attribution = _covering(find_attributions(text), "rebuild every house")
    assert attribution.cue.text == "said"
    assert attribution.source is not None and "governor" in attribution.source.text


def test_fronted_according_to() -> None:
    text = "According to the fire brigade, the blaze started in a kitchen on the third floor."
    attribution = _covering(find_attributions(text), "blaze started")
    assert "according to" in attribution.cue.text.lower()
    assert attribution.source is not None and "fire brigade" in attribution.source.text


def test_hedged_and_denied_attributions_carry_their_words() -> None:
    text = (
        "Police said the driver had reportedly fled across the border. "
        "The company denied that it had ignored the safety warnings."
    )
    found = find_attributions(text)
    hedged = _covering(found, "driver")
    assert hedged.certainty == "hedged" and "reportedly" in hedged.hedges
    assert any(a.certainty == "denied" for a in found)


def test_text_without_speech_has_no_attributions() -> None:
    assert find_attributions("") == []
    assert find_attributions("The river rose two metres overnight. Roads were closed.") == []


def test_rejects_non_text_with_a_clear_error() -> None:
    with pytest.raises(TypeError, match="article text as str"):
        find_attributions(b"bytes are not text")  # type: ignore[arg-type]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/data/seeds not present")
def test_seed_reports_yield_their_main_attributions() -> None:
    texts = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    found = find_attributions(texts)
    cues = {a.cue.text.lower() for a in found}
    assert "according to" in cues
    assert {"say", "stated", "announced"} <= cues
    stated = next(a for a in found if a.cue.text == "stated")
    assert stated.source is not None and "al-Atta" in stated.source.text


def test_threads_get_the_same_answers_as_one_caller() -> None:
    texts = [
        f"The inspector said {n} bridges needed repair. “We cannot wait,” the mayor told the council."
        for n in range(2, 14)
    ]
    serial = [find_attributions(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(find_attributions, texts))
    assert parallel == serial


def test_missing_model_names_the_file_and_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(_extract, "CUE_MODEL", tmp_path / "absent.crfsuite.gz")
    monkeypatch.setattr(_extract, "CONTEXTUAL_CUE_MODEL", tmp_path / "absent_contextual.crfsuite.gz")
    with pytest.raises(FileNotFoundError, match=r"absent\.crfsuite\.gz.*train\.py"):
        find_attributions("The mayor said the road is open.", contextual=False)
    with pytest.raises(FileNotFoundError, match=r"absent_contextual\.crfsuite\.gz.*train\.py"):
        find_attributions("The mayor said the road is open.")


def test_quotation_after_a_colon_is_the_content_of_the_cue_before_it() -> None:
    text = "Mayor Lund said:\n“The bridge is safe. Trucks may cross again.”\nEngineers disagree."
    attribution = next(a for a in find_attributions(text) if "said" in a.cue.text)
    assert attribution.content.text == "“The bridge is safe. Trucks may cross again.”"
    assert attribution.source is not None and attribution.source.text == "Mayor Lund"


def test_a_sentence_of_only_speaker_and_cue_takes_the_quotation_before_it() -> None:
    text = "“We will rebuild every school, and nobody will be left behind!”\nThe governor said."
    attribution = next(a for a in find_attributions(text) if a.cue.text == "said")
    assert attribution.content.text.startswith("“We will rebuild every school")
    assert attribution.source is not None and attribution.source.text == "The governor"


def test_missing_lexicon_names_the_file_and_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(_extract, "LEXICON", tmp_path / "absent.json.gz")
    with pytest.raises(FileNotFoundError, match=r"absent\.json\.gz.*train\.py"):
        find_attributions("The mayor said the road is open.")


def test_lexicon_buckets_rates_and_ignores_rare_words() -> None:
    assert bucket(2, 2) == ""  # too rare to tell
    assert [bucket(hits, 20) for hits in (0, 2, 6, 15)] == ["0", "2", "3", "4"]
    counts = RoleCounts()
    for _ in range(4):
        counts.add(["Officials", "said", "it", "rained"], ["SRC", "CUE", "O", "O"])
    counts.add(["It", "said", "so"], ["O", "O", "O"])
    lexicon = counts.lexicon()
    assert lexicon.cue_levels("said") == ("4", "4")  # 4 of 5 occurrences were cues
    assert lexicon.source_levels("officials")[0] == "4"
    assert lexicon.cue_levels("rained") == ("", "")
    held_out = counts.minus(RoleCounts()).lexicon()
    assert held_out == lexicon


def test_lexicon_round_trips_through_its_file(tmp_path: Path) -> None:
    lexicon = Lexicon({"w:said": "4", "s:deni": "3"}, {"w:spokesman": "4"})
    lexicon.write(tmp_path / "lexicon.json.gz")
    assert Lexicon.read(tmp_path / "lexicon.json.gz") == lexicon
