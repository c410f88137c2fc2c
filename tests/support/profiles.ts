import type { OwnerProfile } from "@/lib/ai/instructions";

/*
 * The owners tests speak about. Each has a different shape, because the prompt builder, the
 * offline model's passage splitter and its answer templates each branch on shape: a missing
 * name or location, first-person text, list items, paragraphs, a name that starts with a title.
 * Tests that need a variation spread one of these ({ ...MARCO, experience: "" }) so the change
 * is visible where it is made. Frozen: several tests in a file share them.
 */

/** Every section filled: short third-person prose, skills as a list, experience that runs back in time. */
export const ADA = Object.freeze({
  name: "Ada Lovelace",
  location: "Lisbon, Portugal",
  bio: "Ada is a backend engineer who likes making complicated systems simple. She mentors junior developers.",
  skills: "- TypeScript and Node.js\n- Go for high-throughput services\n- PostgreSQL performance tuning\n- Kubernetes",
  experience:
    "Staff engineer at Stripe since 2021, leading the payments ledger team. Before that, she spent four years at Shopify building checkout APIs. She started her career at a Lisbon startup called Unbabel.",
  interests:
    "Rock climbing on weekends. Baking sourdough bread. Reading science fiction, especially Ursula K. Le Guin.",
} satisfies OwnerProfile);

/** No location, a first-person bio, lists, and more interests than one answer holds. */
export const MARCO = Object.freeze({
  name: "Marco Rossi",
  location: null,
  bio: "I'm a product designer focused on accessible interfaces for healthcare apps.",
  skills: "Figma, Framer and Principle for prototyping. User research and usability testing. Design systems.",
  experience:
    "- Lead designer at Babylon Health (2020-2024)\n- Senior designer at Deliveroo (2016-2020)\n- Freelance illustrator before that",
  interests: "- Film photography\n- Cycling in the Dolomites\n- Jazz piano\n- Italian cooking\n- Ceramics",
} satisfies OwnerProfile);

/** No name and no location: answers must say "the owner"; only one section has anything in it. */
export const NAMELESS = Object.freeze({
  name: null,
  location: null,
  bio: "",
  skills: "",
  experience: "",
  interests: "Chess and long walks.",
} satisfies OwnerProfile);

/** A name that starts with a title (never shortened to "Dr."), and long prose in several paragraphs. */
export const PRIYA = Object.freeze({
  name: "Dr. Priya Raman",
  location: "Toronto, Canada",
  bio: "Priya is a data scientist who turns messy hospital records into forecasts that clinicians trust.\n\nShe writes a monthly newsletter about statistics for people who are afraid of statistics.",
  skills:
    "Python, R and SQL. Causal inference, survival analysis and Bayesian modelling. Explaining uncertainty to non-specialists.",
  experience: [
    "Head of data science at Maple Health since 2022. She leads a team of nine that forecasts emergency-room demand for twelve hospitals in Ontario.",
    "From 2017 to 2022 she was a research scientist at the Vector Institute, where she published work on fairness in clinical prediction models. Her sepsis risk model is still used in two Toronto hospitals.",
    "Before that, she completed a PhD in biostatistics at McGill University, studying missing data in long-running patient cohorts.",
    "Earlier still, she taught mathematics at a secondary school in Chennai for two years.",
  ].join("\n\n"),
  interests:
    "Long-distance running: she has finished the Boston Marathon twice. Carnatic music. Growing tomatoes on a tiny balcony.",
} satisfies OwnerProfile);
