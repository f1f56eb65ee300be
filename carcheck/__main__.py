"""`python -m carcheck`."""

from carcheck.cli import main

main()
