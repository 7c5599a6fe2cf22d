import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";
import { SERVER_ROOT } from "../lib/paths.js";

export { schema };

/** One type for both engines: every query in chibo is written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: "pglite" | "postgres";
  /** Applies the committed migrations with the engine's own migrator. */
  migrate(): Promise<void>;
  /**
   * A hot statement by name: on PostgreSQL a named prepared statement (parsed and planned once per
   * connection), on PGlite a plain parameterised query. Rows come back as the driver gives them.
   */
  prepared: <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(SERVER_ROOT, "drizzle");

/** Sees every SQL statement sent (tests use it to check that queries stay inside a tenant). */
export type QueryListener = (sql: string) => void;

export type DatabaseConfig = (
  | { kind: "pglite"; dataDir: string | null; loadFrom?: Blob }
  | { kind: "postgres"; url: string; poolSize?: number }
) & { onQuery?: QueryListener };

function logger(onQuery: QueryListener | undefined) {
  return onQuery
    ? {
        logger: {
          logQuery: (query: string) => {
            onQuery(query);
          },
        },
      }
    : {};
}

/** Opens PGlite (embedded, in DATA_DIR; in memory when dataDir is null) or a PostgreSQL pool. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    const db = drizzle(pool, { schema, ...logger(config.onQuery) });
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    return {
      db,
      engine: "postgres",
      migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
      prepared: async <T>(name: string, text: string, values: unknown[]) => {
        config.onQuery?.(text);
        const result = await pool.query({ name, text, values });
        return result.rows as T[];
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (config.dataDir !== null) mkdirSync(config.dataDir, { recursive: true });
  const client = await PGlite.create({
    extensions: { pg_trgm },
    ...(config.dataDir !== null ? { dataDir: config.dataDir } : {}),
    ...(config.loadFrom ? { loadDataDir: config.loadFrom } : {}),
  });
  const db = drizzle(client, { schema, ...logger(config.onQuery) });
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  return {
    db,
    engine: "pglite",
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    prepared: async <T>(_name: string, text: string, values: unknown[]) => {
      config.onQuery?.(text);
      const result = await client.query<T>(text, values);
      return result.rows;
    },
    close: () => client.close(),
  };
}

/** Applies the committed migrations; safe to call at every start. */
export function migrateDatabase(database: Database): Promise<void> {
  return database.migrate();
}
