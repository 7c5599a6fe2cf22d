import { foldAccents, pathIds, type UnitKind } from "@chibo/domain";
import { Select, Text, type ComboboxItem, type OptionsFilter } from "@mantine/core";
import { IconSitemap } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useUnitOptions, type UnitOption } from "@/hooks/use-unit-options";

interface UnitSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Only units of this kind are offered (members belong to cells). */
  kind?: UnitKind;
  /** Further narrows the choice (e.g. not the member's own cell). */
  isPickable?: (unit: UnitOption) => boolean;
  error?: React.ReactNode;
  description?: React.ReactNode;
  required?: boolean;
  clearable?: boolean;
  name?: string;
  placeholder?: string;
}

interface UnitItem extends ComboboxItem {
  level: string;
}

const filter: OptionsFilter = ({ options, search, limit }) => {
  const terms = foldAccents(search).split(" ").filter(Boolean);
  const result = [];
  for (const option of options) {
    if ("group" in option) continue;
    const folded = foldAccents(option.label);
    if (terms.every((term) => folded.includes(term))) result.push(option);
    if (result.length >= limit) break;
  }
  return result;
};

/**
 * A searchable list of the units the user may see, accent-insensitive ("chi bo 3" finds "Chi bộ 3").
 * Each unit is labelled with its parent, since many cells share a name.
 */
export function UnitSelect({
  label,
  value,
  onChange,
  kind,
  isPickable,
  error,
  description,
  required,
  clearable,
  name,
  placeholder,
}: UnitSelectProps) {
  const { t } = useTranslation();
  const all = useUnitOptions();
  const data = useMemo<UnitItem[]>(() => {
    const units = all.data ?? [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    return units
      .filter((u) => (kind ? u.kind === kind : true) && (isPickable ? isPickable(u) : true))
      .map((u) => {
        const ids = pathIds(u.path);
        const parentName = names.get(ids[ids.length - 2] ?? "");
        const text = parentName ? `${u.name} — ${parentName}` : u.name;
        return {
          value: u.id,
          label: text,
          level: t(`common.unit_level.${u.level}`),
        };
      });
  }, [all.data, kind, isPickable, t]);
  const levels = useMemo(() => new Map(data.map((d) => [d.value, d.level])), [data]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t("common.unit_picker.placeholder")}
      name={name}
      required={required}
      clearable={clearable}
      searchable
      data={data}
      value={value}
      onChange={(next) => {
        onChange(next);
      }}
      filter={filter}
      limit={50}
      maxDropdownHeight={300}
      nothingFoundMessage={all.isPending ? t("common.loading") : t("common.empty")}
      error={error ?? (all.error ? t("errors.unexpected") : undefined)}
      leftSection={<IconSitemap size={16} aria-hidden />}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {levels.get(option.value)}
          </Text>
        </div>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
