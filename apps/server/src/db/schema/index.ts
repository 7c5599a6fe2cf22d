export * from "./tenants.js";
export * from "./units.js";
export * from "./members.js";
export * from "./auth.js";
export * from "./meetings.js";
export * from "./minutes.js";
export * from "./quality.js";
