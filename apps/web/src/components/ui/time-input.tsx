import { TextInput, type TextInputProps } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { parseTime } from "@/lib/format";

export interface AppTimeInputProps extends Omit<TextInputProps, "onChange" | "value"> {
  value?: string;
  /** Gets the text while typing and "HH:MM" once the field is left (Mantine's getInputProps fits). */
  onChange?: (value: string) => void;
}

/**
 * A time of day as "HH:MM" in 24 hours, whatever the phone's locale: a text box with a number pad that
 * reads "730", "7h30" or "19" when the field is left.
 */
export function AppTimeInput({ value, onChange, onBlur, ...props }: AppTimeInputProps) {
  return (
    <TextInput
      inputMode="numeric"
      placeholder="HH:MM"
      autoComplete="off"
      maxLength={8}
      leftSection={<IconClock size={16} aria-hidden />}
      {...props}
      value={value ?? ""}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      onBlur={(event) => {
        const parsed = parseTime(event.currentTarget.value);
        if (parsed !== null && parsed !== value) onChange?.(parsed);
        onBlur?.(event);
      }}
    />
  );
}

/** The form's text as the contract's "HH:MM" when it reads as a time, as typed otherwise. */
export function timeOf(text: string): string {
  return parseTime(text) ?? text;
}
