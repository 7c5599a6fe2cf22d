import { customType } from "drizzle-orm/pg-core";

/**
 * Text compared byte by byte. Sort keys and materialised paths use it so that ORDER BY and prefix
 * LIKE give the same answer on PGlite and on any PostgreSQL whatever its default collation.
 */
export const cText = customType<{ data: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});
