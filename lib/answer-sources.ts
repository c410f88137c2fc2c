import type { AnswerSource, KnowledgeKind, ProfileSectionName } from "@/lib/constants";

// How an answer's sources are named, the same in the owner's inbox and on the public page (so
// nothing server-only here): "Experience", "Q&A 'Are you open to relocation?'".

/** A profile section's name as people read it: the prompt's headings use it too. */
export const SECTION_LABELS: Record<ProfileSectionName, string> = {
  name: "Name",
  location: "Location",
  bio: "Bio",
  skills: "Skills",
  experience: "Experience",
  interests: "Interests",
};

/** A knowledge item's kind as the dashboard and the chips name it. */
export const KNOWLEDGE_KIND_LABELS: Record<KnowledgeKind, string> = {
  qa: "Q&A",
  note: "Note",
  document: "Document",
  web: "Web page",
};

/** Titles past this length are cut: a chip or an inbox line, not the whole question. */
const TITLE_SHOWN = 80;

export function sourceLabel(source: AnswerSource): string {
  if (source.kind === "profile") return SECTION_LABELS[source.section];
  const title = source.title.length > TITLE_SHOWN ? `${source.title.slice(0, TITLE_SHOWN - 1)}…` : source.title;
  return `${KNOWLEDGE_KIND_LABELS[source.item_kind]} '${title}'`;
}
