import { ABSENCE_ALERT_RULES, type AbsenceAlertDto, type AbsenceAlertRule } from "@chibo/domain";
import { Anchor, Badge, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AppPagination } from "@/components/ui/app-pagination";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PageLoader } from "@/components/ui/page-loader";
import { usePaged } from "@/hooks/use-paged";
import { formatDate } from "@/lib/format";
import { useAbsenceAlerts } from "../api/list-absence-alerts";

const PAGE_SIZE = 50;

const RULE_COLOR: Record<AbsenceAlertRule, string> = {
  unexcused: "orange",
  consecutive_absences: "orange",
  excused_streak: "yellow",
  removal_review: "red",
};

function isRule(value: string): value is AbsenceAlertRule {
  return (ABSENCE_ALERT_RULES as readonly string[]).includes(value);
}

/** One card per member, in the server's order of first appearance. */
function byMember(items: readonly AbsenceAlertDto[]): AbsenceAlertDto[][] {
  const groups = new Map<string, AbsenceAlertDto[]>();
  for (const a of items) groups.set(a.memberId, [...(groups.get(a.memberId) ?? []), a]);
  return [...groups.values()];
}

/**
 * HD12 and the Charter (24-QĐ/TW §8.1): members absent without reason, absent in a row, or absent in
 * three months of the year, for the cell lead and the committee to act on.
 */
export function AbsenceAlerts({ unitId, year }: { unitId: string | null; year: number }) {
  const { t } = useTranslation();
  const { data, isPending, error, isPlaceholderData } = useAbsenceAlerts(unitId, year);
  const [rule, setRule] = useState<AbsenceAlertRule | "all">("all");
  const all = data ?? [];
  const items = rule === "all" ? all : all.filter((a) => a.rule === rule);
  const members = byMember(items);
  const { page, setPage, pageItems } = usePaged(members, PAGE_SIZE);
  if (unitId === null) return null;
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <Stack gap="sm" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
      <NativeSelect
        label={t("meetings.alerts.filter_rule")}
        maw={420}
        data={[
          { value: "all", label: t("meetings.alerts.all_rules") },
          ...ABSENCE_ALERT_RULES.map((r) => ({ value: r, label: t(`meetings.alerts.rule.${r}`) })),
        ]}
        value={rule}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setRule(isRule(value) ? value : "all");
          setPage(1);
        }}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("meetings.alerts.count", { count: items.length, members: members.length })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t("meetings.alerts.empty")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {pageItems.map((alerts) => (
            <MemberAlerts key={alerts[0]?.memberId} alerts={alerts} />
          ))}
        </Stack>
      )}
      <AppPagination
        total={members.length}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={setPage}
        compact
      />
    </Stack>
  );
}

function MemberAlerts({ alerts }: { alerts: AbsenceAlertDto[] }) {
  const { t } = useTranslation();
  const first = alerts[0];
  if (!first) return null;
  return (
    <Paper component="li" withBorder p="sm">
      <Anchor component={Link} to={`/members/${first.memberId}`} fw={600}>
        {first.fullName}
      </Anchor>
      <Anchor component={Link} to={`/units/${first.unitId}`} size="sm" c="dimmed" display="block">
        {first.unitName}
      </Anchor>
      <Stack gap={6} mt={6}>
        {alerts.map((a) => (
          <div key={`${a.rule}-${a.dates.join(",")}`}>
            <Badge
              color={RULE_COLOR[a.rule]}
              variant="light"
              style={{ whiteSpace: "normal", height: "auto" }}
            >
              {t(`meetings.alerts.rule.${a.rule}`)}
            </Badge>
            <Text size="sm">
              {t("meetings.alerts.dates", { dates: a.dates.map((d) => formatDate(d)).join(", ") })}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
