import { beforeAll, expect, it } from "vitest";
import { PUT as replaceKnowledge } from "@/app/api/knowledge/[id]/route";
import { POST as createKnowledge } from "@/app/api/knowledge/route";
import type { Caller } from "@/lib/auth";
import { KNOWLEDGE_BYTES_PER_OWNER, KNOWLEDGE_ITEMS_PER_OWNER } from "@/lib/knowledge/schemas";
import { getKnowledgeUsage } from "@/lib/knowledge/use-cases";
import { jsonRequest, type SignedUpOwner, signUpOwner } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Issue 21, finding 11: an owner's knowledge has a quota of items and of stored bytes (titles,
// bodies and kept files), so one account can't fill the database.

/** The caller a page would be, for the use case the knowledge page reads its usage line from. */
const callerOf = (owner: SignedUpOwner): Caller => ({
  userId: owner.userId,
  email: owner.email,
  claims: { sub: owner.userId, email: owner.email, role: "authenticated" },
  via: "session",
});

const note = (body = "Rosa plays the cello.") => ({ kind: "note", title: "A note", body });

describeEachDatabase("the knowledge quota", (db) => {
  let full: SignedUpOwner;
  let heavy: SignedUpOwner;
  let other: SignedUpOwner;
  const add = (who: SignedUpOwner, body: unknown) =>
    createKnowledge(jsonRequest("/api/knowledge", body, { headers: who.bearer }));

  /** Items written straight in the table (as their owner's rows), to reach the quota quickly. */
  const fill = (who: SignedUpOwner, count: number, keptFileBytes = 0) =>
    db().query(
      `insert into public.knowledge_items (user_id, kind, title, body, original, original_type)
       select $1, 'document', 'Filler ' || n, 'Filler text.',
              case when $3 > 0 then convert_to(repeat('x', $3), 'UTF8') end, case when $3 > 0 then 'text/plain' end
         from generate_series(1, $2) n`,
      [who.userId, count, keptFileBytes],
    );

  beforeAll(async () => {
    [full, heavy, other] = [await signUpOwner(), await signUpOwner(), await signUpOwner()];
  });

  it("refuses an item past the item quota with 409, and counts each owner apart", async () => {
    await fill(full, KNOWLEDGE_ITEMS_PER_OWNER - 1);
    expect((await add(full, note())).status).toBe(201);
    const refused = await add(full, note());
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${KNOWLEDGE_ITEMS_PER_OWNER} items`),
    });
    expect((await add(other, note())).status).toBe(201);
    expect(await getKnowledgeUsage(callerOf(full))).toMatchObject({ items: KNOWLEDGE_ITEMS_PER_OWNER });
  });

  it("refuses what would pass the byte quota, adding or growing an item", async () => {
    // Five documents with the largest files kept leave 200 KB under the quota.
    await fill(heavy, 4, 10 * 1024 * 1024);
    await fill(heavy, 1, 10 * 1024 * 1024 - 200_000);
    const usage = await getKnowledgeUsage(callerOf(heavy));
    expect(usage.bytes).toBeGreaterThan(KNOWLEDGE_BYTES_PER_OWNER - 200_001);
    const small = await add(heavy, note());
    expect(small.status).toBe(201);
    const { id } = (await small.json()) as { id: string };
    // 60 KB of four-byte characters (a JSON body stays under 64 KB), until the quota is reached.
    const big = note("𝄞".repeat(15_000));
    let status = 201;
    for (let i = 0; i < 10 && status === 201; i++) status = (await add(heavy, big)).status;
    expect(status).toBe(409);
    const grown = await replaceKnowledge(
      jsonRequest(`/api/knowledge/${id}`, big, { method: "PUT", headers: heavy.bearer }),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(grown.status).toBe(409);
    expect((await getKnowledgeUsage(callerOf(heavy))).bytes).toBeLessThanOrEqual(KNOWLEDGE_BYTES_PER_OWNER);
  }, 60_000);
});
