import { Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { useUnitTasks } from "../api/list-unit-tasks";
import { TaskDetailModal } from "./task-detail-modal";
import { TaskFilterControl, type TaskFilter } from "./task-filter";
import { TaskList } from "./task-list";
import { useTaskParam } from "./use-task-param";

const PAGE_SIZE = 20;

/** A unit's tasks from its resolutions, unfinished first by default; overdue ones stand out in red. */
export function UnitTasks({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TaskFilter>("open");
  const [page, setPage] = useState(1);
  const { data, isPending, error, isPlaceholderData } = useUnitTasks(unitId, {
    filter,
    page,
    pageSize: PAGE_SIZE,
  });
  const [openId, setOpenId] = useTaskParam();

  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="unit-tasks-title"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="unit-tasks-title">
            {t("tasks.unit.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("tasks.unit.intro")}
          </Text>
        </div>
        <TaskFilterControl
          value={filter}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {isPending && <PageLoader />}
        {error && <ErrorAlert error={error} />}
        {data && (
          <Stack gap="sm" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("tasks.count", { count: data.total })}
            </Text>
            {data.items.length === 0 ? (
              <Text c="dimmed" ta="center" py="md">
                {t(`tasks.empty.${filter}`)}
              </Text>
            ) : (
              <TaskList tasks={data.items} onOpen={setOpenId} />
            )}
            <AppPagination
              total={data.total}
              pageSize={data.pageSize}
              page={data.page}
              onChange={setPage}
              compact
            />
          </Stack>
        )}
      </Stack>
      <TaskDetailModal
        taskId={openId}
        onClose={() => {
          setOpenId(null);
        }}
      />
    </Paper>
  );
}
