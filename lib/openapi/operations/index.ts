import type { ApiOperation } from "../types";
import { authOperations } from "./auth";
import { chatOperations } from "./chat";
import { chatbotOperations } from "./chatbots";
import { messageOperations } from "./messages";
import { metaOperations } from "./meta";
import { profileOperations } from "./profile";

/**
 * Every route of the API: a new route adds its operations here, or
 * tests/integration/openapi.test.ts fails.
 */
export const operations: readonly ApiOperation[] = [
  ...authOperations,
  ...profileOperations,
  ...chatbotOperations,
  ...chatOperations,
  ...messageOperations,
  ...metaOperations,
];
