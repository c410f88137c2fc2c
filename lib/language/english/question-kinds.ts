import type { ProfileSectionName } from "@/lib/constants";
import type { QuestionKind } from "@/lib/language/analysis";
import type { WordClass } from "./wordnet";

/**
 * Each kind of question, declared by a few anchor words in the sense WordNet lists first; WordNet
 * supplies the other ways of saying them (an anchor's synonyms and derivations), and a question
 * reaches a kind through its own words' meanings ("job" is a synonym of "occupation", "sport" is a
 * kind of "recreation"), and so does a passage of the profile.
 */
export interface KindDeclaration {
  anchors: ReadonlyArray<readonly [word: string, wordClass: WordClass]>;
  /** Sections every passage of which answers the kind (the location answers "where"). */
  sections?: readonly ProfileSectionName[];
  /** Sections that answer it when no passage's own words do (the skills, for languages spoken). */
  otherwise?: readonly ProfileSectionName[];
  /** Sections in which a word naming a person's role answers it, less surely ("Ada is a nurse"). */
  roleNounsIn?: readonly ProfileSectionName[];
  /** Question words that ask for the kind on their own, and how strongly ("where" asks for a place). */
  interrogatives?: Readonly<Record<string, number>>;
  /** Phrases that ask for it though their words ask for something else ("outside work"). */
  phrases?: readonly string[];
  /** With one of its interrogatives, a verb of being somewhere asks for it too ("where is she based?"). */
  askedByStativeVerbs?: boolean;
}

export const ENGLISH_QUESTION_KINDS: Record<QuestionKind, KindDeclaration> = {
  name: {
    anchors: [["name", "noun"]],
    sections: ["name"],
  },
  place: {
    anchors: [
      ["live", "verb"],
      ["location", "noun"],
      ["city", "noun"],
      ["hometown", "noun"],
    ],
    sections: ["location"],
    interrogatives: { where: 0.6, from: 0.5 },
    askedByStativeVerbs: true,
  },
  role: {
    anchors: [
      ["occupation", "noun"],
      ["career", "noun"],
      ["profession", "noun"],
    ],
    sections: ["experience"],
    roleNounsIn: ["bio"],
    otherwise: ["bio"],
    phrases: ["for a living", "for work", "for a job", "do professionally"],
  },
  employer: {
    anchors: [
      ["work", "verb"],
      ["employer", "noun"],
      ["company", "noun"],
    ],
    sections: ["experience"],
  },
  duration: {
    anchors: [["duration", "noun"]],
  },
  quantity: {
    anchors: [["number", "noun"]],
    phrases: ["how many", "how much"],
  },
  education: {
    anchors: [
      ["study", "verb"],
      ["education", "noun"],
      ["academic degree", "noun"],
      ["university", "noun"],
      ["school", "noun"],
      ["graduate", "verb"],
      ["train", "verb"],
    ],
  },
  languages: {
    anchors: [
      ["language", "noun"],
      ["speak", "verb"],
    ],
    otherwise: ["skills"],
  },
  leisure: {
    anchors: [
      ["hobby", "noun"],
      ["leisure", "noun"],
      ["free time", "noun"],
      ["fun", "noun"],
      ["recreation", "noun"],
      ["enjoy", "verb"],
      ["interest", "noun"],
    ],
    sections: ["interests"],
    phrases: [
      "outside work",
      "outside of work",
      "after work",
      "off work",
      "not working",
      "at weekends",
      "at the weekend",
      "on weekends",
      "on the weekend",
      "days off",
      "day off",
      "time off",
    ],
  },
  skills: {
    anchors: [
      ["skill", "noun"],
      ["expertise", "noun"],
      ["technology", "noun"],
      ["tool", "noun"],
    ],
    sections: ["skills"],
  },
  overview: {
    anchors: [
      ["background", "noun"],
      ["biography", "noun"],
    ],
    sections: ["bio"],
    interrogatives: { who: 0.8, about: 0.5 },
  },
};
