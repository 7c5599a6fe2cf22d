import { z } from "zod";
import { LIMITS } from "../limits.js";

export const id = z.uuid();

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return DATE_SHAPE.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A calendar date "YYYY-MM-DD" that exists (no 31/02). A bad date gets one issue, the first that applies;
 * no check aborts, since an aborting issue would stop the cross-field rules of the enclosing object.
 */
export const isoDate = z
  .string()
  .regex(DATE_SHAPE, { message: "Ngày phải có dạng YYYY-MM-DD" })
  .refine((s) => !DATE_SHAPE.test(s) || isCalendarDate(s), { message: "Ngày không tồn tại" })
  .refine((s) => !isCalendarDate(s) || (s >= "1900-01-01" && s <= "2100-12-31"), {
    message: "Ngày nằm ngoài khoảng cho phép",
  });

/** Cross-field rules compare only dates that are valid themselves; a bad date is reported at its field. */
export function isValidDate(value: unknown): value is string {
  return isoDate.safeParse(value).success;
}

/**
 * Options for a cross-field rule: run it on any object input, even when a field has the wrong type
 * (zod skips refinements after such an issue by default), so that every issue is reported at once.
 * The rule must then check its own inputs, e.g. with isValidDate.
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
