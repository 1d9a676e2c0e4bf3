//! Process-wide SQLite settings, applied once before the first connection opens.

use std::sync::Once;

/// Turns off SQLite's allocation statistics. With them on (the bundled library's default),
/// every allocation and free of every connection takes one global mutex; the pool's reader
/// threads then queue on it copying result values, which showed as the top cost of
/// `GET /documents` under load. SQLite's own advice is to build with them off.
pub fn disable_memory_statistics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config may only run before SQLite initializes; this runs before the
        // service opens its first connection. If something in the process initialized SQLite
        // earlier (a test), SQLite refuses with SQLITE_MISUSE and keeps its settings, which is
        // only slower.
        let rc =
            unsafe { libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0) };
        if rc != libsqlite3_sys::SQLITE_OK {
            tracing::debug!(
                rc,
                "SQLite was initialized already; allocation statistics stay on"
            );
        }
    });
}
