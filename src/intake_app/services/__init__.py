"""The service API: the one surface the CLI and the GUI both call.

Services own the open database; callers get ids and frozen snapshots
(``intake_app.models``), never a handle into the store.

- ``services.base.ProfileService``: unlock, lock, check, passphrase change.
- ``services.field.FieldService``: records, attachments, search, forms.
"""
