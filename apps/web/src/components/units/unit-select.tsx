import { foldAccents, pathIds, type UnitKind } from "@chibo/domain";
import { IconSitemap } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SearchSelect, type SearchSelectItem } from "@/components/ui/search-select";
import { useUnitOptions, type UnitOption } from "@/hooks/use-unit-options";

const LIMIT = 50;

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
  /** When only one unit can be chosen (a secretary's own cell), choose it. */
  autoSelectSingle?: boolean;
}

interface Candidate extends SearchSelectItem {
  folded: string;
}

/**
 * The units the user may see, searched without accents ("chi bo 3" finds "Chi bộ 3"). Each unit is
 * labelled with its parent, since many cells share a name.
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
  autoSelectSingle,
}: UnitSelectProps) {
  const { t } = useTranslation();
  const options = useUnitOptions();
  const [search, setSearch] = useState("");

  const candidates = useMemo<Candidate[]>(() => {
    const units = options.data ?? [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    return units
      .filter((u) => (kind ? u.kind === kind : true) && (isPickable ? isPickable(u) : true))
      .map((u) => {
        const ids = pathIds(u.path);
        const parent = names.get(ids[ids.length - 2] ?? "");
        const text = parent ? `${u.name} — ${parent}` : u.name;
        return {
          value: u.id,
          label: text,
          description: t(`common.unit_level.${u.level}`),
          folded: foldAccents(text),
        };
      });
  }, [options.data, kind, isPickable, t]);

  const only = candidates.length === 1 ? candidates[0]?.value : undefined;
  useEffect(() => {
    if (autoSelectSingle && value === null && only) onChange(only);
  }, [autoSelectSingle, value, only, onChange]);

  const terms = foldAccents(search).split(" ").filter(Boolean);
  const items = candidates
    .filter((c) => terms.every((term) => c.folded.includes(term)))
    .slice(0, LIMIT);
  const chosen = candidates.find((c) => c.value === value)?.label ?? null;

  return (
    <SearchSelect
      label={label}
      items={items}
      value={value}
      valueLabel={chosen}
      onChange={onChange}
      onSearchChange={setSearch}
      loading={options.isPending}
      error={error ?? (options.error ? t("errors.unexpected") : undefined)}
      description={description}
      placeholder={placeholder ?? t("common.unit_picker.placeholder")}
      required={required}
      clearable={clearable}
      name={name}
      leftSection={<IconSitemap size={16} aria-hidden />}
    />
  );
}
