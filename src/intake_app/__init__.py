"""intake_app: offline-first, encrypted field intake.

The core (everything outside ``intake_app.gui``) never imports Qt.
"""

__version__ = "0.1.0"
