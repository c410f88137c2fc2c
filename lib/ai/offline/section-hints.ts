import type { ProfileSection } from "../instructions";
import { stem, tokenize } from "./text-analysis";

/**
 * Question words that point at a section even when the profile text never uses them ("where is
 * she based?" has no word in common with "Lisbon, Portugal"). They are matched after stemming, so
 * plurals and -ed/-ing forms count too. Weights below 1 mark words that also appear in questions
 * about other things ("where did she work", "what does she like").
 */
const HINT_WORDS: Record<ProfileSection, Record<string, number>> = {
  name: { name: 1, named: 1, called: 0.8 },
  location: {
    where: 0.6,
    based: 1,
    live: 1,
    located: 1,
    location: 1,
    city: 1,
    country: 1,
    from: 0.5,
    hometown: 1,
    reside: 1,
    timezone: 1,
  },
  bio: { who: 0.8, about: 0.5, bio: 1, background: 1, summary: 1, introduce: 1, overview: 1, describe: 0.6 },
  skills: {
    skill: 1,
    stack: 1,
    language: 1,
    technology: 1,
    tech: 0.8,
    tool: 1,
    framework: 1,
    expertise: 1,
    proficient: 1,
    strength: 0.8,
    know: 0.5,
    use: 0.5,
    code: 0.6,
    program: 0.6,
    good: 0.4,
  },
  experience: {
    work: 1,
    job: 1,
    experience: 1,
    career: 1,
    company: 1,
    role: 1,
    employer: 1,
    position: 1,
    before: 0.6,
    previously: 1,
    previous: 0.8,
    history: 0.6,
    currently: 0.5,
    years: 0.5,
    project: 0.6,
  },
  interests: {
    hobby: 1,
    interest: 1,
    fun: 1,
    enjoy: 1,
    free: 0.6,
    spare: 0.6,
    like: 0.5,
    love: 0.6,
    passion: 1,
    passionate: 1,
    weekend: 0.6,
    outside: 0.4,
    pastime: 1,
  },
};

const HINTS_BY_STEM = new Map<string, { section: ProfileSection; weight: number }[]>();
for (const [section, words] of Object.entries(HINT_WORDS) as [ProfileSection, Record<string, number>][]) {
  for (const [word, weight] of Object.entries(words)) {
    const key = stem(word);
    const hints = HINTS_BY_STEM.get(key) ?? [];
    const existing = hints.find((hint) => hint.section === section);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else hints.push({ section, weight });
    HINTS_BY_STEM.set(key, hints);
  }
}

/** The sections a stemmed word hints at, if any. */
export function hintedSections(term: string): ProfileSection[] {
  return (HINTS_BY_STEM.get(term) ?? []).map((hint) => hint.section);
}

/** Summed hint weight per section for a text; each distinct word counts once. */
export function sectionHints(text: string): Map<ProfileSection, number> {
  const weights = new Map<ProfileSection, number>();
  for (const term of new Set(tokenize(text).map(stem))) {
    for (const hint of HINTS_BY_STEM.get(term) ?? []) {
      weights.set(hint.section, (weights.get(hint.section) ?? 0) + hint.weight);
    }
  }
  return weights;
}
