import { Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DocumentSettingsSettings } from "@/features/settings/components/document-settings-settings";
import { MeetingRulesSettings } from "@/features/settings/components/meeting-rules-settings";
import { SupervisionRulesSettings } from "@/features/settings/components/supervision-rules-settings";

const SETTINGS_TABS = ["meetings", "documents", "supervision"] as const;
type SettingsTab = (typeof SETTINGS_TABS)[number];

function isSettingsTab(value: string | null): value is SettingsTab {
  return SETTINGS_TABS.some((tab) => tab === value);
}

/** The tenant's own rules and document layout, one tab per group (?tab= keeps the one open). */
export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("settings.rules.page_title")} · chibo`);
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab: SettingsTab = isSettingsTab(asked) ? asked : "meetings";
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("settings.rules.page_title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("settings.rules.page_intro")}
      </Text>
      <Tabs
        value={tab}
        onChange={(value) => {
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set("tab", isSettingsTab(value) ? value : "meetings");
              return next;
            },
            { replace: true },
          );
        }}
      >
        <Tabs.List grow aria-label={t("settings.rules.tabs_label")}>
          {SETTINGS_TABS.map((value) => (
            <Tabs.Tab key={value} value={value} px="xs" fw={600}>
              {t(`settings.rules.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* The panels stay mounted: unsaved changes outlive a look at another group. */}
        <Tabs.Panel value="meetings" pt="md">
          <MeetingRulesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentSettingsSettings />
        </Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md">
          <SupervisionRulesSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
