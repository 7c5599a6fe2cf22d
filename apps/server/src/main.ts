import { loadEnv } from "./config/env.js";
import { startServer } from "./server.js";

// Listen and shut down gracefully; everything else lives in server.ts and app.ts.
const env = loadEnv();
const server = await startServer(env);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  });
}
