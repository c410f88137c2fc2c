import { beforeAll, expect, it } from "vitest";
import { POST as createChatbot } from "@/app/api/chatbots/route";
import { POST as createKey } from "@/app/api/keys/route";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("what a request must say about itself", () => {
  let owner: SignedUpOwner;
  beforeAll(async () => {
    owner = await signUpOwner();
  });

  const withCookie = (headers: Record<string, string>, body = JSON.stringify({ name: "k" })) =>
    new Request(`${TEST_ORIGIN}/api/keys`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json", ...headers },
      body,
    });

  it("refuses a cookie-authenticated mutation that names no origin, or another one", async () => {
    const variants: Record<string, string>[] = [
      {},
      { origin: "null" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of variants) {
      const response = await createKey(withCookie(headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
  });

  it("accepts it from our own origin, by Origin or by Sec-Fetch-Site", async () => {
    expect((await createKey(withCookie({ origin: TEST_ORIGIN }))).status).toBe(201);
    expect((await createKey(withCookie({ "sec-fetch-site": "same-origin" }))).status).toBe(201);
  });

  it("needs no Origin from a Bearer token: no browser sends that on its own", async () => {
    const response = await createChatbot(
      new Request(`${TEST_ORIGIN}/api/chatbots`, {
        method: "POST",
        headers: { ...owner.bearer, "content-type": "application/json" },
        body: JSON.stringify({ name: "Scripted" }),
      }),
    );
    expect(response.status).toBe(201);
  });

  it("marks what credentials or cookies unlock as private to them, and only the public document as shareable", async () => {
    const { GET: listKeys } = await import("@/app/api/keys/route");
    const { GET: openapi } = await import("@/app/api/openapi.json/route");
    const keys = await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers: owner.bearer }));
    expect(keys.headers.get("cache-control")).toBe("private, no-store");
    expect(keys.headers.get("vary")).toContain("Authorization");
    expect(keys.headers.get("vary")).toContain("Cookie");
    const refused = await listKeys(new Request(`${TEST_ORIGIN}/api/keys`));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    const document = await openapi(new Request(`${TEST_ORIGIN}/api/openapi.json`));
    expect(document.headers.get("cache-control")).toBe("public, max-age=300");
    expect(document.headers.get("vary") ?? "").not.toContain("Authorization");
  });

  it("answers 415 when a JSON route gets another content type (what a cross-site form can send)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const headers: Record<string, string> = { ...owner.bearer };
      if (type) headers["content-type"] = type;
      const response = await createChatbot(
        new Request(`${TEST_ORIGIN}/api/chatbots`, { method: "POST", headers, body: JSON.stringify({ name: "x" }) }),
      );
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.code).toBe("unsupported_media_type");
    }
    const vendor = await createChatbot(
      new Request(`${TEST_ORIGIN}/api/chatbots`, {
        method: "POST",
        headers: { ...owner.bearer, "content-type": "application/vnd.api+json; charset=utf-8" },
        body: JSON.stringify({ name: "Vendor JSON" }),
      }),
    );
    expect(vendor.status).toBe(201);
  });
});
