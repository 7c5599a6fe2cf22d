// The baseline every start-up figure is divided by: a bare Fastify server started by the same Node,
// answering one JSON route.
import Fastify from "fastify";

const app = Fastify();
app.get("/", () => ({ ok: true }));
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
