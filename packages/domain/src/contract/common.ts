import { z } from "zod";
import { LIMITS } from "../limits.js";

export const id = z.uuid();

/** A calendar date "YYYY-MM-DD" that exists (no 31/02); one issue per bad date, the first that applies. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: "Ngày phải có dạng YYYY-MM-DD", abort: true })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: "Ngày không tồn tại", abort: true },
  )
  .refine((s) => s >= "1900-01-01" && s <= "2100-12-31", {
    message: "Ngày nằm ngoài khoảng cho phép",
  });

/** Cross-field rules compare only dates that are valid themselves; a bad date is reported at its field. */
export function isValidDate(value: unknown): value is string {
  return isoDate.safeParse(value).success;
}

/**
 * Options for a cross-field rule: run it on any object, even when a field failed (a bad date aborts its
 * own checks, which would otherwise skip the rule), so that every issue is reported at once.
 */
export const crossField = {
  when: (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === "object" && payload.value !== null,
};

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Tối đa ${max} ký tự` });
export const requiredText = (max: number) => text(max).min(1, { message: "Không được để trống" });
export const optionalText = (max: number) =>
  text(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const idParams = z.object({ id });

export const okDto = z.object({ ok: z.literal(true) });
