import {
  EVIDENCE_KEYS,
  EVIDENCE_MEASURES,
  evidenceValuesSchema,
  type EvidenceKey,
  type EvidenceValues,
  type MeetingLevel,
} from "@chibo/domain";

/** Badge colours of the four levels, best first. */
export const LEVEL_COLORS: Readonly<Record<MeetingLevel, string>> = {
  tot: "green",
  kha: "blue",
  trung_binh: "yellow",
  kem: "red",
};

export function isEvidenceKey(value: string): value is EvidenceKey {
  return (EVIDENCE_KEYS as readonly string[]).includes(value);
}

/** The evidence list of a score as the figures the domain's scoring reads. */
export function factsOf(
  evidence: readonly { key: string; value: number | boolean | null }[],
): EvidenceValues {
  const raw = Object.fromEntries(
    evidence.filter((e) => isEvidenceKey(e.key)).map((e) => [e.key, e.value]),
  );
  const parsed = evidenceValuesSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export type EvidenceShape = "percent" | "count" | "minutes" | "yes_no";

export function evidenceShape(key: EvidenceKey): EvidenceShape {
  switch (EVIDENCE_MEASURES[key]) {
    case "share":
      return "percent";
    case "count":
      return "count";
    case "minutes":
    case "context_minutes":
      return "minutes";
    case "flag":
    case "flag_bad":
    case "context_flag":
      return "yes_no";
  }
}

/** Points with the language's decimal mark ("7,5" in Vietnamese). */
export function formatPointsIn(points: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith("vi") ? "vi-VN" : "en-GB", {
    maximumFractionDigits: 2,
  }).format(points);
}
