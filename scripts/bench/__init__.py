"""Benchmarks of the content pipeline: `python -m bench` (`make bench`). Not part of `make test`."""
