import i18next, { type TFunction } from "i18next";
import enCommon from "../locales/en/common.json";
import enErrors from "../locales/en/errors.json";
import enMeetings from "../locales/en/meetings.json";
import viCommon from "../locales/vi/common.json";
import viErrors from "../locales/vi/errors.json";
import viMeetings from "../locales/vi/meetings.json";

/** A translator over the real catalogues, for tests of helpers that take `t` (no DOM needed). */
export function testTranslator(language: "vi" | "en"): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: {
      vi: { translation: { common: viCommon, errors: viErrors, meetings: viMeetings } },
      en: { translation: { common: enCommon, errors: enErrors, meetings: enMeetings } },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
