"""Benchmarks of storyline's speed and memory; run ``python bench/run.py``."""
