import { MEETING_MODES, type MeetingMode } from "@chibo/domain";
import { NativeSelect, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

function isMode(value: string): value is MeetingMode {
  return (MEETING_MODES as readonly string[]).includes(value);
}

/** Empty text is "no link"; the contract wants a real address or null. */
export function urlOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

interface ModeFieldsProps {
  mode: MeetingMode;
  onModeChange: (mode: MeetingMode) => void;
  modeError?: React.ReactNode;
  /** form.getInputProps("onlineUrl") */
  urlProps: GetInputPropsReturnType;
}

/** In person, online or both (seed 002: scattered cells may meet online); the link when online. */
export function ModeFields({ mode, onModeChange, modeError, urlProps }: ModeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t("meetings.fields.mode")}
        name="mode"
        data={MEETING_MODES.map((m) => ({ value: m, label: t(`meetings.mode.${m}`) }))}
        value={mode}
        error={modeError}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isMode(value)) onModeChange(value);
        }}
      />
      {mode !== "in_person" && (
        <TextInput
          label={t("meetings.fields.online_url")}
          name="onlineUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          {...urlProps}
        />
      )}
    </>
  );
}
