"""Example answers for the built-in forms (the demo and the README use them)."""
