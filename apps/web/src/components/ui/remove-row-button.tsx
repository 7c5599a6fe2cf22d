import { ActionIcon } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";

/**
 * Removes one row of a list being edited (a criterion, a band, a target). Aligned with the row's
 * labelled inputs; the label names the row for screen readers.
 */
export function RemoveRowButton({
  label,
  onRemove,
  disabled,
}: {
  label: string;
  onRemove: () => void;
  disabled?: boolean;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      mt={26}
      aria-label={label}
      disabled={disabled}
      onClick={onRemove}
    >
      <IconTrash size={16} />
    </ActionIcon>
  );
}
