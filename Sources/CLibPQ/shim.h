// Internal: no public API. PostgreSQL's client library (libpq) for the Store module.
// Debian and Ubuntu install the header under postgresql/, other systems directly in the include path.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
