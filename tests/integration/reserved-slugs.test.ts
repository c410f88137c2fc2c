import { expect, it } from "vitest";
import { RESERVED_SLUGS } from "@/lib/chatbots/schemas";
import { asOwner } from "@/lib/db";
import { describeEachDatabase } from "../support/databases";
import { insertOwner } from "../support/owners";

describeEachDatabase("reserved slugs", (db) => {
  it("are the same list in the app and in the database", async () => {
    const rows = await db().query<{ slug: string }>("select slug from private.reserved_slugs order by slug");
    expect(rows.map((row) => row.slug)).toEqual([...RESERVED_SLUGS].sort());
  });

  it("can't be taken by an owner writing the row directly, as Supabase's REST API would", async () => {
    const owner = await insertOwner(db());
    const attempt = asOwner(owner.claims, (tx) =>
      tx.query("insert into public.chatbots (name, public_url_slug) values ('Sneaky', 'dashboard')"),
    );
    await expect(attempt).rejects.toMatchObject({ code: "23514" });
    const [bot] = await asOwner(owner.claims, (tx) =>
      tx.query<{ id: string }>(
        "insert into public.chatbots (name, public_url_slug) values ('Fine', 'fine-bot') returning id",
      ),
    );
    const rename = asOwner(owner.claims, (tx) =>
      tx.query("update public.chatbots set public_url_slug = 'admin' where id = $1", [bot.id]),
    );
    await expect(rename).rejects.toMatchObject({ code: "23514" });
  });
});
