"""Run the command line as ``python -m storyline``."""

from storyline.cli import main

main()
