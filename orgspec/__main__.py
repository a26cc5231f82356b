"""`python -m orgspec`."""

from orgspec.entry import main

main()
