/** A claimed job as the queue (private.jobs) hands it to the runner. */
export interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}
