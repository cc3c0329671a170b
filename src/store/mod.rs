//! The SQLite store: one shared file, WAL, versioned migrations, an append-only audit log.
