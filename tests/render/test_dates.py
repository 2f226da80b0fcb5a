from __future__ import annotations

import pytest

from storyweave.render import human_date
from storyweave.render._dates import machine_date


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2017-03-08", "8 March 2017"),
        ("2017-03-08T14:30", "8 March 2017, 14:30"),
        ("2017-03-08T14:30:05Z", "8 March 2017, 14:30"),
        ("2017-03-08TEV", "8 March 2017, evening"),
        ("2014-W33", "week of 11 August 2014"),
        ("2014-W33-WE", "weekend of 16 August 2014"),
        ("2014-W54", "2014, week 54"),  # no such ISO week: said as written, never moved into 2015
        ("2016-10", "October 2016"),
        ("2016-Q3", "Q3 2016"),
        ("2016-SP", "spring 2016"),
        ("2016-SU", "summer 2016"),
        ("2016-FA", "autumn 2016"),
        ("2016-WI", "winter 2016"),
        ("2016", "2016"),
        ("2016-H1", "first half of 2016"),
        ("2016-H2", "second half of 2016"),
        ("199", "the 1990s"),
        ("201", "the 2010s"),
    ],
)
def test_each_timex_kind_reads_at_its_own_precision(value, words):
    assert human_date(value) == words


@pytest.mark.parametrize(
    "value", ["2016-13", "2017-02-30", "2017-03-08T25:00", "XXXX-XX-XX", "PRESENT_REF", "P1M", "19", ""]
)
def test_values_that_are_not_calendar_dates_are_shown_unchanged(value):
    assert human_date(value) == value


@pytest.mark.parametrize(
    ("value", "machine"),
    [
        ("2017-03-08", "2017-03-08"),
        ("2017-03-08TMO", "2017-03-08"),
        ("2014-W33", "2014-W33"),
        ("2015-W53", "2015-W53"),  # 2015 has 53 ISO weeks
        ("2014-W53", None),  # 2014 does not
        ("2016-10", "2016-10"),
        ("2016", "2016"),
        ("2016-Q3", None),
        ("2016-SU", None),
        ("2016-H1", None),
        ("199", None),
        ("2016-13", None),
        ('2016-10" onmouseover="x', None),
    ],
)
def test_machine_dates_only_where_html_has_a_form(value, machine):
    assert machine_date(value) == machine
