"""`python -m kg …` runs the same command line as `kg …` (handy where the script is not on PATH)."""

from kg.cli import main

main()
