import { Modal, type ModalProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";

/** A modal that takes the whole screen on phones. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 36em)", false, { getInitialValueInEffect: false });
  return (
    <Modal
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.actions.close") }}
      {...props}
    />
  );
}
