"""The GUI reads the policy as the service's ``models.Policy``; no copy with other defaults."""

from __future__ import annotations

import intake_app.gui.adapter as adapter


def test_no_policy_copy_in_the_adapter() -> None:
    assert not hasattr(adapter, "PolicyView")
    assert not hasattr(adapter, "policy")
    assert "fallback" not in (adapter.__doc__ or "")
