"""One module per ``sidelight`` subcommand; each exposes ``register(subparsers)`` and ``run(args)``."""
