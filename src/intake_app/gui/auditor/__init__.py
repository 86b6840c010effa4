"""The auditor mode of the desktop app: verify bundles against HQ's public keyring."""
