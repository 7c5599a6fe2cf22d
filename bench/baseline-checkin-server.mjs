// The baseline of the check-in burst: a bare Fastify route doing one single-row insert through a pg
// pool sized like chibo's (DATABASE_POOL_SIZE, default 10), against the same database.
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const app = Fastify();
app.get("/health", () => ({ ok: true }));
app.post("/checkin", async (request) => {
  const { code, memberId } = request.body;
  const { rows } = await pool.query(
    "insert into bench_checkins (member_id, code, at) values ($1, $2, now()) returning at",
    [memberId, code],
  );
  return { at: rows[0].at };
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
process.on(
  "SIGTERM",
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
