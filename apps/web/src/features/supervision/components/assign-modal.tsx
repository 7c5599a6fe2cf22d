import { foldAccents, supervisionAssignmentInput } from "@chibo/domain";
import { NumberInput, SimpleGrid, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { SearchSelect, type SearchSelectItem } from "@/components/ui/search-select";
import { UnitSelect } from "@/components/units/unit-select";
import { todayIso } from "@/lib/format";
import { useCandidateSearch } from "../api/search-candidates";
import { useCreateAssignment } from "../api/unit-supervision";

interface AssignValues extends Record<string, unknown> {
  userId: string | null;
  unitId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  visitsPerQuarter: number | string;
}

interface AssignModalProps {
  /** The committee whose cells are assigned. */
  scopeUnitId: string;
  /** People who already follow a cell of the committee: offered first, without a user search. */
  knownVisitors: readonly SearchSelectItem[];
  onClose: () => void;
}

/**
 * "Phân công": a committee member or staff member follows a cell from a day, a number of visits a
 * quarter. The person is searched among those who may follow the committee's cells (or the chosen
 * cell's, leaving out its own people), and among those already assigned; the server checks again.
 */
export function AssignModal({ scopeUnitId, knownVisitors, onClose }: AssignModalProps) {
  const { t } = useTranslation();
  const mutation = useCreateAssignment();
  const initial: AssignValues = {
    userId: null,
    unitId: null,
    startsOn: todayIso(),
    endsOn: null,
    visitsPerQuarter: 1,
  };
  const toInput = (v: AssignValues) => ({
    userId: v.userId ?? undefined,
    unitId: v.unitId ?? undefined,
    startsOn: v.startsOn ?? undefined,
    endsOn: v.endsOn,
    visitsPerQuarter: typeof v.visitsPerQuarter === "number" ? v.visitsPerQuarter : Number.NaN,
  });
  return (
    <FormModal
      title={t("supervision.assign.title")}
      onClose={onClose}
      schema={supervisionAssignmentInput}
      initialValues={initial}
      toInput={toInput}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("supervision.assign.done")}
      submitLabel={t("supervision.assign.submit")}
    >
      {(form) => (
        <Stack gap="sm">
          <CandidateSelect
            unitId={form.values.unitId ?? scopeUnitId}
            knownVisitors={knownVisitors}
            value={form.values.userId}
            error={form.errors.userId}
            onChange={(value) => {
              form.setFieldValue("userId", value);
            }}
          />
          <UnitSelect
            label={t("supervision.assign.cell")}
            kind="cell"
            name="unitId"
            required
            isPickable={(u) => u.active && u.path.includes(`/${scopeUnitId}/`)}
            value={form.values.unitId}
            error={form.errors.unitId}
            onChange={(value) => {
              form.setFieldValue("unitId", value);
            }}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <AppDateInput
              label={t("supervision.assign.starts_on")}
              name="startsOn"
              required
              {...form.getInputProps("startsOn")}
            />
            <AppDateInput
              label={t("supervision.assign.ends_on")}
              name="endsOn"
              {...form.getInputProps("endsOn")}
            />
          </SimpleGrid>
          <NumberInput
            label={t("supervision.assign.per_quarter")}
            name="visitsPerQuarter"
            min={1}
            max={13}
            allowDecimal={false}
            required
            {...form.getInputProps("visitsPerQuarter")}
          />
        </Stack>
      )}
    </FormModal>
  );
}

/**
 * The person to assign: committee members and staff who may follow the cells of `unitId`, each with
 * the role and unit that qualify them, then people already following a cell who match the search.
 */
function CandidateSelect({
  unitId,
  knownVisitors,
  value,
  error,
  onChange,
}: {
  unitId: string;
  knownVisitors: readonly SearchSelectItem[];
  value: string | null;
  error: React.ReactNode;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useCandidateSearch(unitId, q);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const found: SearchSelectItem[] = (candidates.data ?? []).map((c) => ({
    value: c.userId,
    label: c.displayName,
    description: t("supervision.assign.qualifies", {
      role: t(`users.role.${c.role}`),
      unit: c.unitName,
    }),
  }));
  const folded = foldAccents(search);
  const known = knownVisitors
    .filter((v) => !found.some((f) => f.value === v.value))
    .filter((v) => folded === "" || foldAccents(v.label).includes(folded))
    .map((v) => ({ ...v, description: t("supervision.assign.already_following") }));
  const items = [...found, ...known];
  return (
    <SearchSelect
      label={t("supervision.assign.user")}
      description={t("supervision.assign.user_hint")}
      name="userId"
      required
      items={items}
      value={value}
      valueLabel={chosenLabel}
      loading={candidates.isFetching}
      error={error}
      nothingFound={t("supervision.assign.no_users")}
      onSearchChange={setSearch}
      onChange={(next) => {
        setChosenLabel(items.find((i) => i.value === next)?.label ?? null);
        onChange(next);
      }}
    />
  );
}
