"""`python -m orgspec`."""

from orgspec.cli import main

main()
