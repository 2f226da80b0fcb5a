"""Page-junk cleaning: invented examples of each kind of junk, glued junk, and properties on any text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.text.clean import clean_text, is_junk_line

JUNK_LINES = [
    "Image courtesy of Reuters",
    "Photo: AP",
    "(Getty Images)",
    "File photo",
    "FILE - In this May 2, 2019, file photo, a ferry docks at the harbour in Portvale.",
    "Share on Facebook",
    "Tweet",
    "Click to share on Twitter (Opens in new window)",
    "Sign up for our daily newsletter and get the news in your inbox.",
    "This site uses cookies. Read our cookie policy.",
    "Advertisement",
    "Advertisement Continue reading the main story",
    "Read more: Harbour strike enters its third week",
    "Related: Ferry operator names new chief",
    "RELATED: Ferry operator names new chief",
    "Show your support",
    "Clapping shows how much you appreciated Amira Holt’s story.",
    "Copyright 2021 Portvale Courier. All rights reserved.",
    "© 2019 Example Media Group",
    "This article was originally published on The Harbour Review.",
    "Ferry workers wait at the pier on Monday. (AP Photo/Lena Ortiz)",
    "The harbour at dawn. Photo: Tomas Berg/Nordpix",
    "Dock workers rally outside city hall. REUTERS/Ana Ruiz",
    "Jana Novak contributed to this report.",
    "(Reporting by Ian Moss; Editing by Ruth Lang)",
    "Follow Dana Rhee on Twitter: @danarhee",
    "dana.rhee@portvalecourier.example",
    "Please enable JavaScript to watch this video",
    "___",
    "* * *",
    "REUTERS",
]

KEEP_LINES = [
    "The group frequently posted to a social media platform called Telegram.",
    "Reuters could not independently verify the report.",
    "The photo, taken by a passer-by, was shared more than 10,000 times on Twitter.",
    "Officials said they would share the findings with Facebook and Google next week.",
    "“Subscribe to our channel,” the suspect told followers in a video, prosecutors said.",
    "The company changed its privacy policy in March, the regulator said.",
    "He urged residents to sign up for emergency text alerts.",
    "Read the full statement below.",
    "Why?",
    "8,475,071",
    "The U.S. Coast Guard said two crew members were missing.",
    "Advertising revenue fell 12 percent in the quarter.",
    "Related charges were dropped in 2019.",
]


@pytest.mark.parametrize("line", JUNK_LINES)
def test_junk_lines_are_junk(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize("line", KEEP_LINES)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_junk_line(line)
    assert clean_text(line) == line


def test_junk_glued_to_the_next_sentence_is_cut_at_the_seam() -> None:
    text = "Image courtesy of ReutersThe army said the bridge had reopened."
    assert clean_text(text) == "The army said the bridge had reopened."


def test_junk_glued_after_the_last_sentence_is_cut() -> None:
    text = "The army said the bridge had reopened.Image courtesy of Reuters"
    assert clean_text(text) == "The army said the bridge had reopened."


def test_a_name_with_an_apostrophe_is_no_seam() -> None:
    caption = 'In this image released by the studio, Tara Venn appears as Moira O\'Dell, in "Low Tide."'
    assert clean_text(caption) == ""
    assert clean_text("Actress Moira O’Dell died on Saturday.") == "Actress Moira O’Dell died on Saturday."


def test_chained_glued_junk_goes_entirely() -> None:
    text = (
        "Real closing paragraph.\n\nShow your supportClapping shows how much you appreciated A. Holt’s story."
    )
    assert clean_text(text) == "Real closing paragraph."


def test_trailing_agency_tag_is_cut_but_the_sentence_stays() -> None:
    text = "Talks remained stalled, the ministry said on Tuesday. REUTERS"
    assert clean_text(text) == "Talks remained stalled, the ministry said on Tuesday."


def test_caption_line_followed_by_text_loses_only_the_caption() -> None:
    text = (
        "Rescuers search the riverbank near Lowmoor on Sunday. (AP Photo/Lena Ortiz)\n"
        "Rescuers searched the riverbank for a second day on Sunday, police said."
    )
    assert clean_text(text) == "Rescuers searched the riverbank for a second day on Sunday, police said."


def test_whole_report_keeps_paragraphs_and_drops_furniture() -> None:
    report = (
        "Share on Facebook\nTweet\n\n"
        "PORTVALE (Reuters) - Dock workers ended a three-week strike on Friday.  \n"
        "\n\n\n"
        "Advertisement\n"
        "The union said members voted 812 to 95 to accept the offer.\u200b\n"
        "Read more: Harbour strike enters its third week\n"
        "\n"
        "The group frequently posted updates to a channel on Telegram.\n"
        "Image courtesy of Reuters"
    )
    assert clean_text(report) == (
        "PORTVALE (Reuters) - Dock workers ended a three-week strike on Friday.\n"
        "\n"
        "The union said members voted 812 to 95 to accept the offer.\n"
        "\n"
        "The group frequently posted updates to a channel on Telegram."
    )


def test_normalisation() -> None:
    decomposed = "Cafe\u0301 owners\tsaid  no\u00a0more.\r\nSecond\u2028line\x07 here."
    assert clean_text(decomposed) == "Café owners said no more.\nSecond\nline here."


def test_wiki_edit_markers_are_removed() -> None:
    assert clean_text("Early history [ edit ]") == "Early history"


def _visible(text: str) -> str:
    """What the cleaner may keep of ``text``: NFC without control, format, private-use or surrogate chars."""
    dropped = {"Cc", "Cf", "Co", "Cs"}
    kept = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) not in dropped)
    return unicodedata.normalize("NFC", kept)


_news_like = st.lists(
    st.one_of(
        st.sampled_from(JUNK_LINES + KEEP_LINES + ["", " ", "\n", "\r\n", "\u200b", "ReutersThe", ". "]),
        st.text(max_size=40),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _news_like))
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _news_like))
def test_never_invents_text(text: str) -> None:
    source = _visible(text)
    for word in clean_text(text).split():
        assert word in source


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_is_junk_line_never_raises(line: str) -> None:
    assert isinstance(is_junk_line(line), bool)


@pytest.mark.parametrize(
    "line",
    [
        "Courtesy of McDonald's, every volunteer got a free meal, organisers said.",
        "Photos courtesy of YouTube users were shown to the jury on Tuesday.",
    ],
)
def test_camel_case_names_are_not_seams(line: str) -> None:
    assert clean_text(line) == line


def test_a_video_blurbs_credit_and_date_are_cut_from_the_line() -> None:
    text = (
        "The judge threw out three of the charges. WKLN's Tam Orde has the details. (Published Tuesday, "
        "April 23, 2013)\nA boy was hurt in Lowmoor. Ada Venn reports. (Published Sept. 29, 2018)"
    )
    assert clean_text(text) == "The judge threw out three of the charges.\nA boy was hurt in Lowmoor."
    assert clean_text("The ministry has the details of the plan, he said.") == (
        "The ministry has the details of the plan, he said."
    )
    for credit in ("CNN's Tam Orde reports.", "Tam Orde reports for WKLN News.", "Tam Orde has more."):
        assert is_junk_line(credit)
    for prose in (
        "The Senate has more work to do.",
        "Apple has more cash than anyone.",
        "The Times reports.",
    ):
        assert clean_text(prose) == prose
