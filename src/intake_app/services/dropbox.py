"""Running the drop box (``intake dropbox serve``): its entry points, from ``sync``."""

from intake_app.sync.config import ServerConfig, build_config, load_config
from intake_app.sync.server import open_shared
from intake_app.sync.server import serve as _serve


def serve(cfg: ServerConfig) -> None:
    """Run one drop box: over its folder, or (``--storage s3://``) over the bucket and
    state database it shares with other instances."""
    if not cfg.shared:
        _serve(cfg)
        return
    storage = open_shared(cfg)  # refuses a --state URL holding a password
    try:
        _serve(cfg, storage)
    finally:
        storage.close()


__all__ = ["ServerConfig", "build_config", "load_config", "serve"]
