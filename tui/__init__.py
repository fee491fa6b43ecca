"""sidelight's edges: the command line and the Textual reader.

Only ``tui.app`` and the modules it imports load Textual, so that the other commands start
fast and work without a terminal user interface.
"""
