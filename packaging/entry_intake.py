"""Frozen entry point of the ``intake`` command (same as ``intake_app.cli:run``)."""

from intake_app.cli import run

if __name__ == "__main__":
    run()
