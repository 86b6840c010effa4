"""The encrypted local store: profile header, SQLCipher database, records, attachments."""
