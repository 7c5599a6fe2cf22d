import { useState } from "react";

/** A long list shown a page at a time on the client (the server sent it whole). */
export function usePaged<T>(items: readonly T[], pageSize: number) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  return {
    page: current,
    setPage,
    pageItems: items.slice((current - 1) * pageSize, current * pageSize),
  };
}
