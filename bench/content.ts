// What the bench's owners write about themselves and what its visitors ask.

export const BENCH_PROFILE = {
  name: "Grace Bench",
  location: "Dublin, Ireland",
  bio: "Grace builds developer tools and writes about performance.",
  skills: "Go, TypeScript, PostgreSQL, profiling, distributed systems.",
  experience: "Staff engineer at Lighthouse since 2020. Before that, five years at a database startup.",
  interests: "Rowing, chess and baking sourdough.",
};

/** The highest visitor limit a bot may have; each request also comes from a new visitor, so the load never meets it. */
export const BENCH_BOT_CONFIGURATION = { rate_limit: { max_messages: 1000, window_seconds: 10 } };

/** What the bench's visitors ask, in turn. */
export const QUESTIONS = [
  "Where is she based?",
  "What are her main skills?",
  "Where did she work before?",
  "What does she do for fun?",
  "Tell me about her background.",
];
