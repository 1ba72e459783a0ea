import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { session } from "./auth/session";
import { homeFor, menuFor, type MenuKey } from "./logic/roles";

const page = (menu: MenuKey | null, component: RouteRecordRaw["component"], path: string): RouteRecordRaw =>
  ({ path, component: component!, meta: { menu } });

const routes: RouteRecordRaw[] = [
  { path: "/signin", component: () => import("./pages/SignInPage.vue"), meta: { public: true } },
  { path: "/signin/callback", component: () => import("./pages/SignInCallback.vue"), meta: { public: true } },
  { path: "/", redirect: () => (session.user ? homeFor(session.user.role) : "/signin") },
  page("inbox", () => import("./pages/inbox/InboxPage.vue"), "/inbox"),
  page("meetings", () => import("./pages/meetings/MeetingsPage.vue"), "/meetings"),
  page("meetings", () => import("./pages/meetings/MeetingPage.vue"), "/meetings/:id"),
  page("meetings", () => import("./pages/meetings/MinutesPage.vue"), "/meetings/:id/minutes"),
  page("raise", () => import("./pages/reporter/RaiseIssuePage.vue"), "/raise"),
  page("mine", () => import("./pages/reporter/MyIssuesPage.vue"), "/mine"),
  page("toConfirm", () => import("./pages/reporter/ToConfirmPage.vue"), "/to-confirm"),
  page("queue", () => import("./pages/queue/MyQueuePage.vue"), "/queue"),
  page("audit", () => import("./pages/audit/AuditSearchPage.vue"), "/audit"),
  page("audit", () => import("./pages/audit/AuditIssuePage.vue"), "/audit/issues/:id"),
  page("issues", () => import("./pages/issues/IssueListPage.vue"), "/issues"),
  page("reports", () => import("./pages/reports/ReportsPage.vue"), "/reports"),
  page(null, () => import("./pages/issues/IssuePage.vue"), "/issues/:id"),
  page("volunteer", () => import("./pages/volunteers/MyVolunteeringPage.vue"), "/volunteer"),
  page("wishes", () => import("./pages/volunteers/WishesPage.vue"), "/wishes"),
  page("microTasks", () => import("./pages/volunteers/MicroTasksPage.vue"), "/micro-tasks"),
  page("rewards", () => import("./pages/volunteers/RewardsPage.vue"), "/rewards"),
  page("ledgers", () => import("./pages/volunteers/LedgersPage.vue"), "/ledgers"),
  { path: "/:rest(.*)*", redirect: "/" },
];

export const router = createRouter({ history: createWebHistory(), routes });

/** A screen is reachable only by the roles whose menu shows it. */
router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!session.user || session.user.expiresAt < Date.now()) return { path: "/signin", query: { next: to.fullPath } };
  const menu = to.meta.menu as MenuKey | null | undefined;
  if (menu && !menuFor(session.user.role).includes(menu)) return homeFor(session.user.role);
  return true;
});
