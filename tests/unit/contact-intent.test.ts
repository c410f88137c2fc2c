import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import type { OwnerProfile } from "@/lib/ai/instructions";
import { createOfflineModel } from "@/lib/ai/offline/model";
import { classifyVisitorMessage } from "@/lib/ai/offline/visitor-intent";
import { groundedCall } from "../support/offline-call";
import { ADA, NAMELESS } from "../support/profiles";
import golden from "./retrieval-golden.json";

// The offline model's side of "Leave your details": a visitor who asks to reach the owner gets an
// invitation to leave their details (and the turn is marked to offer the form), never an address.

const ASKS_TO_REACH = [
  "can I talk to her",
  "How do I contact him?",
  "how can I contact her?",
  "What's her email?",
  "I'd like to hire you",
  "Can she call me?",
  "How can I reach Ada?",
  "what is Ada's phone number",
  "I would love to work with her!",
  "How do I get in touch?",
  "could you email me please",
];
const ABOUT_THE_OWNER = [
  "Where is she based?",
  "Does she do email marketing?",
  "What does she like to do on weekends?",
  "Has she hired people before?",
  "What are her skills?",
  "Who did she work for?",
  "hi",
  "thanks!",
];

describe("offline model: visitors who want to reach the owner", () => {
  it("recognises asking to reach the owner, and only that", () => {
    for (const message of ASKS_TO_REACH)
      expect([message, classifyVisitorMessage(message, ADA.name)]).toEqual([message, "contact"]);
    for (const message of ABOUT_THE_OWNER) {
      expect([message, classifyVisitorMessage(message, ADA.name)]).not.toEqual([message, "contact"]);
    }
  });

  it("takes the retrieval table's questions about a profile for questions, not requests to reach its owner", () => {
    const questions = Object.values(golden as Record<string, Array<{ question: string; after?: string[] }>>).flatMap(
      (rows) => rows.flatMap((row) => [row.question, ...(row.after ?? [])]),
    );
    expect(questions.length).toBeGreaterThan(50);
    // The one row that does ask for a way to reach the owner (retrieval rightly finds nothing for it).
    expect(questions.filter((question) => classifyVisitorMessage(question, ADA.name) === "contact")).toEqual([
      "What's his phone number?",
    ]);
  });

  async function ask(question: string, takesDetails: boolean | undefined, profile: OwnerProfile = ADA) {
    const result = await generateText({
      model: createOfflineModel(),
      ...groundedCall(profile, { takesDetails }),
      messages: [{ role: "user", content: question }],
    });
    return { text: result.text, report: result.providerMetadata?.chatfolio };
  }

  it("invites them to leave their details when the bot takes them, and reports the offer", async () => {
    const { text, report } = await ask("How can I contact her?", true);
    expect(text).toBe(
      "You can leave your details for Ada right here: your name, your email and a short message. Ada sees them and can get back to you.",
    );
    expect(report).toMatchObject({ outcome: "small_talk", sources: [], offer_contact: true });
  });

  it("says the owner reads the conversations when the bot's form is off, and gives no address", async () => {
    for (const takesDetails of [false, undefined]) {
      const { text } = await ask("What's her email?", takesDetails);
      expect(text).toBe(
        "Ada reads the conversations on this page, so you can leave a message for Ada right here in the chat.",
      );
      expect(text).not.toMatch(/@/);
    }
    expect((await ask("how do I reach the owner", true, NAMELESS)).text).toContain("leave your details for the owner");
  });

  it("reports no offer for an ordinary question", async () => {
    const { report } = await ask("Where is she based?", true);
    expect(report).not.toHaveProperty("offer_contact");
  });
});
