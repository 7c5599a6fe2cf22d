import { Group, Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface AppPaginationProps {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  compact?: boolean;
}

/** Page links for a server-paginated list; nothing when everything fits on one page. */
export function AppPagination({ total, pageSize, page, onChange, compact }: AppPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="center" component="nav" aria-label={t("common.pagination.label")}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={compact ? 0 : 1}
        getControlProps={(control) => ({ "aria-label": t(`common.pagination.${control}`) })}
        getItemProps={(p) => ({ "aria-label": t("common.pagination.page", { page: p }) })}
      />
    </Group>
  );
}
