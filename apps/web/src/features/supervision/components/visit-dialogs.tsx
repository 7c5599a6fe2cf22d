import type { VisitDto } from "@chibo/domain";
import { useState } from "react";
import { AttendModal } from "./attend-modal";
import { CancelVisitModal } from "./cancel-visit-modal";
import { ReportFormModal } from "./report-form-modal";
import { ReportViewModal } from "./report-view";
import type { VisitCommand } from "./visit-card";

/** The dialog a visit card's command opens, one at a time. */
export function useVisitDialogs() {
  const [open, setOpen] = useState<{ command: VisitCommand; visit: VisitDto } | null>(null);
  const close = () => {
    setOpen(null);
  };
  const onCommand = (command: VisitCommand, visit: VisitDto) => {
    setOpen({ command, visit });
  };
  let dialog: React.ReactNode = null;
  if (open) {
    switch (open.command) {
      case "attend":
        dialog = <AttendModal visit={open.visit} onClose={close} />;
        break;
      case "cancel":
        dialog = <CancelVisitModal visit={open.visit} onClose={close} />;
        break;
      case "report":
        dialog = <ReportFormModal visit={open.visit} onClose={close} />;
        break;
      case "view":
        dialog = <ReportViewModal visit={open.visit} onClose={close} />;
        break;
    }
  }
  return { onCommand, dialog };
}
