"""Running the drop box (``intake dropbox serve``): its entry points, from ``sync``."""

from intake_app.sync.config import build_config, load_config
from intake_app.sync.server import serve

__all__ = ["build_config", "load_config", "serve"]
