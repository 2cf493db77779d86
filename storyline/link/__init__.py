"""Across articles: actors folded, articles grouped into stories and occasions, events merged.

Each module reads what the per-article pipeline stored (Doc layers) and never parses text
again: :mod:`~storyline.link.features` turns a Doc into what grouping needs,
:mod:`~storyline.link.stories` groups articles incrementally and
:mod:`~storyline.link.copies` finds syndicated copies.
"""
