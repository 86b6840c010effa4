"""HQ screens of the desktop app: import desk, devices, records, receipts, exports.

Every screen calls the public ``HQService`` API on worker threads (never the
database), and throws away what it shows when the session locks.
"""
