"""Tests of the cross-article layer (a package: tests/stages has a test_events.py too)."""
