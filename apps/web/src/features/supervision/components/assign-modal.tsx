import { foldAccents, supervisionAssignmentInput } from "@chibo/domain";
import { NumberInput, SimpleGrid, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppDateInput } from "@/components/ui/date-input";
import { FormModal } from "@/components/ui/form-modal";
import { SearchSelect, type SearchSelectItem } from "@/components/ui/search-select";
import { UnitSelect } from "@/components/units/unit-select";
import { useCan } from "@/hooks/use-me";
import { todayIso } from "@/lib/format";
import { useUserSearch } from "../api/search-users";
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
 * quarter. The person is found among those already assigned, or by name when the user may manage
 * accounts (GET /users needs user.manage); the server checks who may be assigned.
 */
export function AssignModal({ scopeUnitId, knownVisitors, onClose }: AssignModalProps) {
  const { t } = useTranslation();
  const mutation = useCreateAssignment();
  const canSearch = useCan("user.manage");
  const [search, setSearch] = useState("");
  const users = useUserSearch(search, canSearch);
  const folded = foldAccents(search.trim().toLowerCase());
  const known = knownVisitors.filter(
    (v) => folded === "" || foldAccents(v.label.toLowerCase()).includes(folded),
  );
  const found: SearchSelectItem[] = (users.data?.items ?? [])
    .filter((u) => u.active && !known.some((k) => k.value === u.id))
    .map((u) => ({ value: u.id, label: u.displayName, description: u.username }));
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const items = [...known, ...found];
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
          <SearchSelect
            label={t("supervision.assign.user")}
            description={
              canSearch
                ? t("supervision.assign.user_hint")
                : t("supervision.assign.user_hint_known")
            }
            name="userId"
            required
            items={items}
            value={form.values.userId}
            valueLabel={chosenLabel}
            loading={users.isFetching}
            error={form.errors.userId}
            nothingFound={t("supervision.assign.no_users")}
            onSearchChange={setSearch}
            onChange={(value) => {
              setChosenLabel(items.find((i) => i.value === value)?.label ?? null);
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
