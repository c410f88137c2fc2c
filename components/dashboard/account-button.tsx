import { ChevronsUpDown, UserRound } from "lucide-react";
import type { ButtonProps } from "@/components/ui/button";

// What the account button shows, shared by AccountMenu's stand-in and the menu it loads, so the
// button looks the same before and after the menu's code has arrived.

export interface AccountMenuProps {
  email: string;
  /** Only an icon on the button (the phone's top bar); the sidebar shows the email too. */
  compact?: boolean;
}

/** The account button's look and name, the same before and after the menu's code has loaded. */
export function accountButtonProps(email: string, compact: boolean): ButtonProps {
  return {
    variant: "ghost",
    size: compact ? "icon" : "md",
    "aria-label": `Account: ${email}`,
    className: compact ? undefined : "h-11 w-full justify-start px-2",
  };
}

export function AccountButtonFace({ email, compact }: { email: string; compact: boolean }) {
  return (
    <>
      {/* An icon, not the email's initial: a visible letter missing from the button's name would
          trip speech users who say what they see ("click S"). */}
      <span
        aria-hidden
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white"
      >
        <UserRound className="size-4" />
      </span>
      {compact ? null : (
        <>
          <span className="min-w-0 flex-1 truncate text-left">{email}</span>
          <ChevronsUpDown aria-hidden className="text-zinc-500" />
        </>
      )}
    </>
  );
}
