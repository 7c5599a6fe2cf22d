import dayjs from "dayjs";
import "dayjs/locale/vi";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import enAudit from "@/locales/en/audit.json";
import enAuth from "@/locales/en/auth.json";
import enCommon from "@/locales/en/common.json";
import enErrors from "@/locales/en/errors.json";
import enFollowup from "@/locales/en/followup.json";
import enHome from "@/locales/en/home.json";
import enMeetings from "@/locales/en/meetings.json";
import enMembers from "@/locales/en/members.json";
import enMinutes from "@/locales/en/minutes.json";
import enNotifications from "@/locales/en/notifications.json";
import enQuality from "@/locales/en/quality.json";
import enSettings from "@/locales/en/settings.json";
import enSupervision from "@/locales/en/supervision.json";
import enTasks from "@/locales/en/tasks.json";
import enUnits from "@/locales/en/units.json";
import enUsers from "@/locales/en/users.json";
import viAudit from "@/locales/vi/audit.json";
import viAuth from "@/locales/vi/auth.json";
import viCommon from "@/locales/vi/common.json";
import viErrors from "@/locales/vi/errors.json";
import viFollowup from "@/locales/vi/followup.json";
import viHome from "@/locales/vi/home.json";
import viMeetings from "@/locales/vi/meetings.json";
import viMembers from "@/locales/vi/members.json";
import viMinutes from "@/locales/vi/minutes.json";
import viNotifications from "@/locales/vi/notifications.json";
import viQuality from "@/locales/vi/quality.json";
import viSettings from "@/locales/vi/settings.json";
import viSupervision from "@/locales/vi/supervision.json";
import viTasks from "@/locales/vi/tasks.json";
import viUnits from "@/locales/vi/units.json";
import viUsers from "@/locales/vi/users.json";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One catalogue per feature, addressed as "<feature>.<key>" ("members.search_placeholder"). */
export const vi = {
  common: viCommon,
  errors: viErrors,
  auth: viAuth,
  units: viUnits,
  members: viMembers,
  users: viUsers,
  audit: viAudit,
  home: viHome,
  meetings: viMeetings,
  minutes: viMinutes,
  notifications: viNotifications,
  tasks: viTasks,
  followup: viFollowup,
  settings: viSettings,
  supervision: viSupervision,
  quality: viQuality,
};

// Typed against the Vietnamese catalogue: a key missing in English fails the type check.
const en: typeof vi = {
  common: enCommon,
  errors: enErrors,
  auth: enAuth,
  units: enUnits,
  members: enMembers,
  users: enUsers,
  audit: enAudit,
  home: enHome,
  meetings: enMeetings,
  minutes: enMinutes,
  notifications: enNotifications,
  tasks: enTasks,
  followup: enFollowup,
  settings: enSettings,
  supervision: enSupervision,
  quality: enQuality,
};

const STORAGE_KEY = "chibo.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "vi";
  } catch {
    return "vi";
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: "vi",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  applyLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "vi";
}

export { i18n };
