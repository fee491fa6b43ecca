"""One module per ``sidelight`` subcommand.

Each exposes ``register(subparsers)`` and ``run(args)``; none of them imports Textual except
``read``, which starts the reader.
"""
