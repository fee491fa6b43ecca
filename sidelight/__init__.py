"""sidelight: a terminal reader for comparing sources.

The installed distribution holds one top-level package, ``sidelight``; the repository's
``annotations/`` (the core) and ``tui/`` (the reader and the command line) folders install as
``sidelight.annotations`` and ``sidelight.tui``.
"""
