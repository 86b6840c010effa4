"""The HQ store on PostgreSQL (psycopg 3): connection, dialect translation, migrations."""
