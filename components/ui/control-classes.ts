// The look shared by text inputs, text areas and the select's trigger, so they line up in a form.
// text-base below `sm`: phones zoom into inputs whose text is smaller than 16 px.
export const controlClasses =
  "w-full rounded-md border border-zinc-300 bg-white px-3 text-base text-zinc-900 shadow-xs sm:text-sm " +
  "placeholder:text-zinc-500 disabled:cursor-not-allowed disabled:opacity-60 " +
  "aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 " +
  "dark:placeholder:text-zinc-400 dark:aria-invalid:border-red-400";
