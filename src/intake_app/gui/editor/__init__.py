"""The record editor, generated from a form definition.

``editor.py`` holds the screen (sections as pages, save, finalize); ``panel.py``
lays out a list of fields; one module per widget family builds the inputs.
"""

from intake_app.gui.editor.editor import RecordEditor

__all__ = ["RecordEditor"]
