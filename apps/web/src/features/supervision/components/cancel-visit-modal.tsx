import { visitCancelInput, type VisitDto } from "@chibo/domain";
import { Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormModal } from "@/components/ui/form-modal";
import { useCancelVisit } from "../api/visit-commands";

/** "Hủy" a planned visit, with its reason (kept on the visit; the cell never learns of it). */
export function CancelVisitModal({ visit, onClose }: { visit: VisitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useCancelVisit(visit.id);
  return (
    <FormModal
      title={t("supervision.cancel.title", { cell: visit.unitName })}
      onClose={onClose}
      schema={visitCancelInput}
      initialValues={{ reason: "" }}
      toInput={(v) => ({ reason: v.reason.trim() })}
      submit={mutation.mutateAsync}
      pending={mutation.isPending}
      successMessage={t("supervision.cancel.done")}
      submitLabel={t("supervision.cancel.submit")}
      color="red"
    >
      {(form) => (
        <Textarea
          label={t("supervision.cancel.reason")}
          name="reason"
          required
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps("reason")}
        />
      )}
    </FormModal>
  );
}
