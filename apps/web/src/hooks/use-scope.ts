import type { Action } from "@chibo/domain";
import { useSearchParams } from "react-router";
import { unitsAllowing } from "@/lib/access";
import { todayIso } from "@/lib/format";
import { useMe } from "./use-me";

export interface Scope {
  unitId: string | null;
  year: number;
  set: (changes: { unitId?: string | null; year?: number }) => void;
}

/**
 * The unit and year a committee page looks at, kept in the address (?unitId&year). Without one, the
 * first committee the user's grants cover for `action`, else their first unit.
 */
export function useScope(action: Action): Scope {
  const [params, setParams] = useSearchParams();
  const { data } = useMe();
  const grants = data?.grants ?? [];
  const fallback =
    unitsAllowing(grants, action, "committee")[0]?.unitId ??
    unitsAllowing(grants, action)[0]?.unitId ??
    null;
  const thisYear = Number(todayIso().slice(0, 4));
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  return {
    unitId: params.get("unitId") ?? fallback,
    year,
    set: (changes) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if ("unitId" in changes) {
            if (changes.unitId) next.set("unitId", changes.unitId);
            else next.delete("unitId");
          }
          if (changes.year !== undefined) next.set("year", String(changes.year));
          return next;
        },
        { replace: true },
      );
    },
  };
}
