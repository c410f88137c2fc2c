// Shared by the floating popups (menus, the select's list) and the modal ones (dialogs).

const fade =
  "transition-[opacity,scale] duration-150 ease-out data-ending-style:opacity-0 data-starting-style:opacity-0 " +
  "motion-reduce:transition-none";

/** A menu's or a select's list, sized to its trigger and to the room left in the window. */
export const listPopupClasses =
  `min-w-(--anchor-width) max-w-(--available-width) origin-(--transform-origin) rounded-md border border-zinc-200 bg-white p-1 ` +
  `text-sm text-zinc-900 shadow-lg outline-none data-ending-style:scale-95 data-starting-style:scale-95 ` +
  `dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${fade}`;

/**
 * An item of such a list. Its focus indicator is drawn inside it: the page-wide ring sits outside
 * the element (globals.css) and the list's edge would cut it off. `!` because that rule is
 * unlayered and beats utilities otherwise.
 */
export const listItemClasses =
  "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 outline-none select-none " +
  "data-disabled:pointer-events-none data-disabled:opacity-50 data-highlighted:bg-zinc-100 " +
  "dark:data-highlighted:bg-zinc-800 [&_svg]:size-4 [&_svg]:shrink-0 " +
  "focus-visible:shadow-none! focus-visible:outline-offset-[-2px]!";

export const backdropClasses =
  "fixed inset-0 bg-zinc-950/50 transition-opacity duration-150 data-ending-style:opacity-0 " +
  "data-starting-style:opacity-0 motion-reduce:transition-none dark:bg-black/70";

const modalSurface =
  "fixed flex flex-col gap-4 overflow-y-auto border-zinc-200 bg-white text-zinc-900 shadow-xl outline-none " +
  "dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100";

/** A dialog in the middle of the window, scrolling inside itself when taller than it. */
export const centeredDialogClasses =
  `${modalSurface} top-1/2 left-1/2 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 ` +
  `-translate-y-1/2 rounded-lg border p-6 data-ending-style:scale-95 data-starting-style:scale-95 ${fade}`;

/** A panel along the window's left edge (the phone navigation). */
export const leftSheetClasses =
  `${modalSurface} inset-y-0 left-0 h-dvh w-72 max-w-[calc(100%-3rem)] border-r p-4 transition-[translate] ` +
  "duration-200 ease-out data-ending-style:-translate-x-full data-starting-style:-translate-x-full motion-reduce:transition-none";

export const dialogTitleClasses = "text-lg font-semibold";
export const dialogDescriptionClasses = "text-sm text-zinc-600 dark:text-zinc-400";
