import {
  Inbox,
  LayoutDashboard,
  Library,
  type LucideIcon,
  MessageCircleQuestion,
  Settings,
  UserRound,
  Users,
} from "lucide-react";

export type NavItemKey = "overview" | "inbox" | "questions" | "knowledge" | "contacts" | "profile" | "settings";

export interface NavItem {
  key: NavItemKey;
  href: string;
  label: string;
  icon: LucideIcon;
  /** Other sections this item stands for (the chatbots' pages are reached from the overview). */
  covers?: readonly string[];
  /** What a count beside this item counts, read after the number ("3 unread"). */
  countLabel?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "overview", href: "/dashboard", label: "Overview", icon: LayoutDashboard, covers: ["/dashboard/chatbots"] },
  { key: "inbox", href: "/dashboard/inbox", label: "Inbox", icon: Inbox, countLabel: "unread" },
  { key: "questions", href: "/dashboard/questions", label: "Questions", icon: MessageCircleQuestion },
  { key: "knowledge", href: "/dashboard/knowledge", label: "Knowledge", icon: Library },
  { key: "contacts", href: "/dashboard/contacts", label: "Contacts", icon: Users },
  { key: "profile", href: "/dashboard/profile", label: "Profile", icon: UserRound },
  { key: "settings", href: "/dashboard/settings", label: "Settings", icon: Settings },
];

/** Numbers shown beside items, e.g. `{ inbox: 3 }` for three unread messages. */
export type NavCounts = Partial<Record<NavItemKey, number>>;

const within = (pathname: string, section: string) => pathname === section || pathname.startsWith(`${section}/`);

/**
 * The item's aria-current at this path: "page" on its own page, "true" on a page inside its
 * section (/dashboard/settings/keys marks Settings), nothing elsewhere. Overview is /dashboard
 * itself only, since every page is "inside" /dashboard.
 */
export function currentState(item: NavItem, pathname: string): "page" | "true" | undefined {
  if (pathname === item.href) return "page";
  const sections = item.href === "/dashboard" ? (item.covers ?? []) : [item.href, ...(item.covers ?? [])];
  return sections.some((section) => within(pathname, section)) ? "true" : undefined;
}
