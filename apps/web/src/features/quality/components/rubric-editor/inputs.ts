/** The error shown on a field: the server's after a save, else the live schema check's. */
export type FieldError = (path: string) => string | undefined;

/** Numbers typed into a NumberInput: "" while empty, kept as is so the schema reports it. */
export function num(v: string | number): number {
  return typeof v === "number" ? v : v === "" ? Number.NaN : Number(v);
}
