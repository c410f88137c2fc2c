import type { GoldenOwner } from "../golden-set";
import { FARMER } from "./held-out-farmer";
import { TEACHER } from "./held-out-teacher";
import { VIOLINIST } from "./held-out-violinist";

/*
 * The second golden set's HELD-OUT half (issue 19, point 4: quality measured on unseen questions):
 * three owners outside software, written with the tuning half by someone who had not read the
 * offline model, before the model was tuned on either.
 *
 * This half (this file and held-out-*.ts) is never read while tuning the model: its test prints
 * only totals, never a question, an answer or a miss. It changes only in its baseline commit. If a
 * wrong expectation ever has to be corrected, the correction is its own commit, made without
 * looking at the model's answers, and is listed in the closing note below.
 *
 * Closing note (corrections of wrong expectations since the baseline): none.
 */
export const HELD_OUT_OWNERS: readonly GoldenOwner[] = [TEACHER, VIOLINIST, FARMER];
