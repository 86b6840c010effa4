"""The ``profile.aux`` file lives with the profile's other files: ``store.aux``.

Re-exported here, where the protection mechanisms that use it live."""

from intake_app.store.aux import (
    AUX_NAME,
    AUX_SIZE,
    CLIPBOARD_DEFAULT_S,
    CLIPBOARD_MAX_S,
    WIPE_AFTER_MAX,
    AuxState,
    ProtectSettings,
    aux_path,
    decode,
    encode,
    read_state,
    write_state,
)

__all__ = ["AUX_NAME", "AUX_SIZE", "CLIPBOARD_DEFAULT_S", "CLIPBOARD_MAX_S", "WIPE_AFTER_MAX",
           "AuxState", "ProtectSettings", "aux_path", "decode", "encode", "read_state",
           "write_state"]
