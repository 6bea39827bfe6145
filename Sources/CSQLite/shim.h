// Internal: no public API. SQLite's C interface for the Store module.
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a function-pointer macro Swift cannot import: bound values are copied.
static inline sqlite3_destructor_type rmj_sqlite_transient(void) { return SQLITE_TRANSIENT; }
