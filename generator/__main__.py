"""`python -m pmgen`: the same command line as `pmgen`."""

from pmgen.cli import main

main()
