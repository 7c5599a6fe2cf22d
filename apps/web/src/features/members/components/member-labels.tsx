import type { LeaveKind, MemberStatus, PositionTitle } from "@chibo/domain";
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface StatusProps {
  status: MemberStatus;
  active: boolean;
  leaveKind: LeaveKind | null;
}

/** Chính thức / Dự bị, or Đã ra khỏi (with how) for members no longer on the register. */
export function MemberStatusBadge({ status, active, leaveKind }: StatusProps) {
  const { t } = useTranslation();
  if (!active) {
    return (
      <Badge color="gray" variant="light">
        {t("members.status.left")}
        {leaveKind ? ` · ${t(`members.leave_kind.${leaveKind}`)}` : ""}
      </Badge>
    );
  }
  return (
    <Badge color={status === "official" ? "teal" : "orange"} variant="light">
      {t(`members.status.${status}`)}
    </Badge>
  );
}

export function ExemptBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="outline" title={t("members.sections.exemptions")}>
      {t("members.exempt_badge")}
    </Badge>
  );
}

export function PositionBadges({ positions }: { positions: readonly PositionTitle[] }) {
  const { t } = useTranslation();
  if (positions.length === 0) return null;
  return (
    <Group gap={4}>
      {positions.map((p) => (
        <Badge key={p} color="red" variant="dot" size="sm">
          {t(`members.position.${p}`)}
        </Badge>
      ))}
    </Group>
  );
}
