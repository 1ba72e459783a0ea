import { createI18n } from "vue-i18n";
import en from "./en";
import zh from "./zh-CN";

export type Locale = "zh-CN" | "en";
const remembered = "issuetracker.locale";

export function initialLocale(stored: string | null): Locale {
  return stored === "en" ? "en" : "zh-CN";
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(localStorage.getItem(remembered)),
  fallbackLocale: "zh-CN",
  messages: { "zh-CN": zh, en },
});

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem(remembered, locale);
  document.documentElement.lang = locale;
}
