import ElementPlus from "element-plus";
import "element-plus/dist/index.css";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import { createApp } from "vue";
import App from "./App.vue";
import { restore } from "./auth/session";
import { i18n } from "./i18n";
import { router } from "./router";
import "./styles.css";

await restore().catch(() => undefined);
createApp(App).use(i18n).use(router).use(ElementPlus, { locale: zhCn }).mount("#app");
