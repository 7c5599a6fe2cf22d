import { Paper, Progress, Text } from "@mantine/core";

interface FigureProps {
  label: string;
  value: string;
  note?: string | undefined;
  color?: string | undefined;
  /** A share (0–1) drawn as a bar under the value. */
  share?: number | null | undefined;
}

/** One figure of a summary: what it counts, its value, a note (the target), and a bar for a share. */
export function Figure({ label, value, note, color, share }: FigureProps) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color}>
        {value}
      </Text>
      {share !== undefined && share !== null && (
        <Progress value={share * 100} color={color ?? "blue"} size="sm" mt={4} aria-hidden />
      )}
      {note && (
        <Text size="xs" c="dimmed" mt={2}>
          {note}
        </Text>
      )}
    </Paper>
  );
}
