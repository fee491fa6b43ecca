"""The reader's features, one module each, mixed into ``ReaderScreen``.

``tui.screens.reader`` keeps the layout, the focus and the status line; each module here
holds one feature's key actions and state and uses only a few members of the screen:
``pane``/``panes``, ``say``, ``focus_pane``, ``step_to`` (stepping) and ``change_store``
(store). Open the module of the feature you change:

- ``stepping``   — step to the next/previous item, wrap, move the cursor, say where
- ``store``      — change the store, re-read the annotations, report; changes by others
- ``conflicts``  — changes refused because another window changed the annotation
- ``messages``   — the status line's messages, the message log, keys named as mapped
- ``focus``      — where the focus is; document keys pressed in the side panel
- ``documents``  — reload, open into a new pane, close a pane
- ``entities``   — recognising entities, hiding labels
- ``search``     — the search bar, hits and ``n``/``N``
- ``selecting``  — the sentence and paragraph under the cursor (``V``)
- ``annotating`` — highlights, notes, colours, delete, undo and redo
- ``tagging``    — tags and the annotation list's filter
- ``moving``     — between annotations, entities and mentions of an entity
- ``comparing``  — the comparison, counterparts, differences, passages only one source tells
- ``syncing``    — synced scrolling
- ``linking``    — link notes between passages of two documents
- ``exporting``  — notes, the comparison report or JSON-LD, to a file
- ``panel``      — the side panel's tabs and jumps from the annotation list
"""
