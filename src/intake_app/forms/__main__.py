"""``python -m intake_app.forms ...``: the forms commands on their own."""

from intake_app.forms.cli import main

raise SystemExit(main())
