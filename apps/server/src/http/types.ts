import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/** A module's routes: HTTP only — schema, auth, call the service, present. */
export type RoutesPlugin<Deps> = (deps: Deps) => FastifyPluginAsyncZod;
