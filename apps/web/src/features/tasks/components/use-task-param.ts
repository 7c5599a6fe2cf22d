import { useSearchParams } from "react-router";

/**
 * The task open in the detail modal, kept in the address (?task=…) so that a notice or a shared link
 * can open it.
 */
export function useTaskParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const open = (id: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("task", id);
        else next.delete("task");
        return next;
      },
      { replace: true },
    );
  };
  return [params.get("task"), open];
}
