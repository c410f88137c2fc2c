/** One question of the queue as the Questions page shows it (lib/questions/use-cases.ts). */
export interface QuestionGroup {
  /** The newest wording of the most asked form of the question. */
  question: string;
  /** Every wording the group holds, the most asked first (its question); the answer's Q&A takes them all. */
  wordings: string[];
  times: number;
  visitors: number;
  last_asked_at: string;
}
