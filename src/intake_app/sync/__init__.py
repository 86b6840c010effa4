"""Upload over the network: the drop box (an untrusted relay that only ever holds
sealed bundles and signed receipts) and its clients. No Qt.

* ``intake_app.sync.server``   the ASGI app (Starlette) and uvicorn runner
* ``intake_app.sync.handlers`` the drop box's request handlers (``DropBox``)
* ``intake_app.sync.storage``  the drop box's disk layout, atomic commits, quotas
* ``intake_app.sync.auth``     signed requests (Ed25519, keyring-checked)
* ``intake_app.sync.client``   ``DropboxClient``: resumable uploads, retries, SOCKS5

The service-level users of the client live in the services: ``services.sending``
(``Uploader`` for the field laptop, CLI and GUI) and ``services.hq_sync`` (HQ:
fetch bundles, publish receipts and keyrings). ``services.dropbox`` re-exports
the server's entry points for the CLI.

HTTP API: docs/sync.md. Deployment: sync/README.md at the top of the repository.
"""
