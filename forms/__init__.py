"""The built-in forms, shipped as package data (``intake_app.builtin_forms``).

``pyproject.toml`` maps this folder into the package, so an installed wheel and an
editable checkout both find it with ``importlib.resources``. Only JSON lives here.
"""
