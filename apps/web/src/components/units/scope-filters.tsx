import { NativeSelect, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { todayIso } from "@/lib/format";
import type { Scope } from "@/hooks/use-scope";
import { UnitSelect } from "./unit-select";

const notGroup = (unit: { kind: string }) => unit.kind !== "group";

/** The unit (committee or cell) and, when asked, the year a supervision page shows. */
export function ScopeFilters({ scope, withYear = true }: { scope: Scope; withYear?: boolean }) {
  const { t } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  if (!years.includes(scope.year)) years.push(scope.year);
  return (
    <SimpleGrid cols={{ base: 1, sm: withYear ? 2 : 1 }} spacing="sm" maw={withYear ? 720 : 480}>
      <UnitSelect
        label={t("common.scope.unit")}
        value={scope.unitId}
        isPickable={notGroup}
        onChange={(value) => {
          scope.set({ unitId: value });
        }}
      />
      {withYear && (
        <NativeSelect
          label={t("common.scope.year")}
          data={years.map((y) => String(y))}
          value={String(scope.year)}
          onChange={(event) => {
            scope.set({ year: Number(event.currentTarget.value) });
          }}
        />
      )}
    </SimpleGrid>
  );
}
