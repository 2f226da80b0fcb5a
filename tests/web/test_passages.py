"""Finding the passage behind a citation: the sentence itself, or the source's closest sentence."""

from __future__ import annotations

from storyweave.model import Article, Brief, CitedSentence, SourceRef
from storyweave.web._passages import find_passage, passages_for

TEXT = (
    "The council met on Tuesday. It voted to close the old pier after engineers found cracks in two piles. "
    "Fishing boats will moor at the new quay instead. Repairs could take a year."
)


def _article(text: str, article_id: str = "a1") -> Article:
    return Article(id=article_id, text=text, origin="test")


def test_a_sentence_the_source_holds_is_found_verbatim_with_its_neighbours() -> None:
    sentence = "Fishing boats will moor at the new quay instead."
    passage = find_passage(sentence, _article(TEXT), 0, 1)
    assert passage.exact and passage.match == sentence
    assert TEXT[passage.start : passage.end] == sentence
    assert passage.before.startswith("It voted") and passage.after == "Repairs could take a year."


def test_a_reworded_sentence_finds_the_sentence_sharing_most_words() -> None:
    passage = find_passage(
        "Engineers found cracks, so the pier was closed by the council.", _article(TEXT), 2, 3
    )
    assert not passage.exact
    assert passage.match.startswith("It voted to close the old pier")
    assert 0.5 < passage.overlap <= 1
    assert (passage.sentence_index, passage.source_number) == (2, 3)


def test_every_citation_of_a_brief_gets_a_passage_and_missing_articles_are_skipped() -> None:
    other = "Engineers said the pier had cracked. The quay is new."
    brief = Brief(
        story_id="s",
        headline="Pier closed",
        first_published=None,
        last_published=None,
        summary=[
            CitedSentence(
                "It voted to close the old pier after engineers found cracks in two piles.", "a1", (1, 2, 3)
            )
        ],
        sources=[
            SourceRef(1, "a1", None, None, None, None, "x"),
            SourceRef(2, "a2", None, None, None, None, "y"),
            SourceRef(3, "gone", None, None, None, None, "z"),
        ],
    )
    found = passages_for(brief, {"a1": _article(TEXT), "a2": _article(other, "a2")})
    assert set(found) == {(0, 1), (0, 2)}
    assert found[(0, 1)].exact and not found[(0, 2)].exact
    assert found[(0, 2)].match == "Engineers said the pier had cracked."
