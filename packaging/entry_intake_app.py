"""Frozen entry point of the ``intake-app`` desktop app (``intake_app.gui.app:main``)."""

from intake_app.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
