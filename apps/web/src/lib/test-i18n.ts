import i18next, { type TFunction } from "i18next";
import enCommon from "../locales/en/common.json";
import enErrors from "../locales/en/errors.json";
import viCommon from "../locales/vi/common.json";
import viErrors from "../locales/vi/errors.json";

/** A translator over the real catalogues, for tests of helpers that take `t` (no DOM needed). */
export function testTranslator(language: "vi" | "en"): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: {
      vi: { translation: { common: viCommon, errors: viErrors } },
      en: { translation: { common: enCommon, errors: enErrors } },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
