"""`python -m storyweave` is the `storyweave` command."""

from storyweave.cli import app

app(prog_name="storyweave")
