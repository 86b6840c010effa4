"""The desktop GUI (PySide6). Only this package imports Qt.

Widgets receive ids and frozen snapshots from the service layer, never a
database handle; every service call that may take time runs on a worker
thread (``workers.py``). Nothing outside ``intake_app.gui`` imports it, but for the
CLI's lazy import of ``report_pdf`` (a PDF report; docs/architecture.md).
"""
