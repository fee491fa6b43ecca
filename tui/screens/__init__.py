"""The reader's screens: the main reader, help, the note editor, the export dialog."""
