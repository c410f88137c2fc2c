import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { GET as getProfile, PUT as putProfile } from "@/app/api/profile/route";
import { newVisitorCookieValue, visitorSecretFrom } from "@/lib/visitors/cookie";
import { proxy } from "@/proxy";
import { signUpOwner } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Issue 21, finding 15: over https the server's cookies carry the __Host- prefix, which a browser
// accepts only with Secure, Path=/ and no Domain, so another host under the same domain can't plant
// or overwrite them; a cookie under the bare name still counts, but a prefixed one wins over it.

const HTTPS = "https://localhost";

const setCookies = (response: Response) => response.headers.getSetCookie();
const pairs = (headers: string[]) => headers.map((header) => header.split(";")[0]).join("; ");
/** Gives the caller of a cookie a profile, so GET /api/profile says who a cookie is. */
const nameOwner = async (cookie: string) => {
  const response = await putProfile(
    new Request(`${HTTPS}/api/profile`, {
      method: "PUT",
      headers: { cookie, origin: HTTPS, "content-type": "application/json" },
      body: JSON.stringify({ name: "Someone", bio: "", skills: "", experience: "", interests: "" }),
    }),
  );
  expect(response.status).toBe(200);
};
const whoIs = async (cookie: string) => {
  const response = await getProfile(new Request(`${HTTPS}/api/profile`, { headers: { cookie } }));
  return response.status === 200 ? ((await response.json()) as { user_id: string }).user_id : response.status;
};

describeEachDatabase("__Host- cookies over https", () => {
  it("sets the session under __Host- over https, reads it before a planted bare one, and clears both", async () => {
    const email = `host-${randomUUID().slice(0, 8)}@example.test`;
    const signedUp = await signup(
      new Request(`${HTTPS}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: HTTPS },
        body: JSON.stringify({ email, password: `pw-${randomUUID()}` }),
      }),
    );
    expect(signedUp.status).toBe(201);
    const { user } = (await signedUp.json()) as { user: { id: string } };
    const [session] = setCookies(signedUp);
    expect(session).toMatch(/^__Host-chatfolio_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/);
    await nameOwner(session.split(";")[0]);
    expect(await whoIs(session.split(";")[0])).toBe(user.id);

    // Another app on the domain plants its own (valid) session under the bare name, before ours.
    const other = await signUpOwner();
    await nameOwner(other.cookie);
    expect(await whoIs(other.cookie)).toBe(other.userId);
    expect(await whoIs(`${other.cookie}; ${session.split(";")[0]}`)).toBe(user.id);

    const out = await logout(
      new Request(`${HTTPS}/api/auth/logout`, {
        method: "POST",
        headers: { origin: HTTPS, cookie: session.split(";")[0] },
      }),
    );
    expect(out.status).toBe(204);
    const cleared = setCookies(out);
    expect(cleared.map((header) => header.split("=")[0])).toEqual(["__Host-chatfolio_session", "chatfolio_session"]);
    for (const header of cleared) expect(header).toContain("Max-Age=0");
  });

  it("moves a session cookie set under the bare name to the __Host- one over https", async () => {
    const owner = await signUpOwner();
    await nameOwner(owner.cookie);
    const moved = setCookies(await proxy(new NextRequest(`${HTTPS}/dashboard`, { headers: { cookie: owner.cookie } })));
    expect(moved.map((header) => header.split("=")[0])).toEqual(["__Host-chatfolio_session", "chatfolio_session"]);
    expect(moved[1]).toContain("Max-Age=0");
    expect(await whoIs(pairs(moved.slice(0, 1)))).toBe(owner.userId);
  });

  it("gives a chat page's visitor a __Host- cookie over https, the same visitor when they had a bare one", async () => {
    const fresh = setCookies(await proxy(new NextRequest(`${HTTPS}/c/demo`)));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatch(/^__Host-chatfolio_visitor=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/);

    const bare = newVisitorCookieValue();
    const renamed = setCookies(
      await proxy(new NextRequest(`${HTTPS}/c/demo`, { headers: { cookie: `chatfolio_visitor=${bare}` } })),
    );
    expect(pairs(renamed)).toBe(`__Host-chatfolio_visitor=${bare}`);
    // Already prefixed: nothing to set.
    const kept = await proxy(new NextRequest(`${HTTPS}/c/demo`, { headers: { cookie: pairs(renamed) } }));
    expect(setCookies(kept)).toEqual([]);
    // Over http the bare name stays, since a browser refuses a prefixed cookie without Secure.
    const plain = setCookies(await proxy(new NextRequest("http://localhost/c/demo")));
    expect(plain[0]).toMatch(/^chatfolio_visitor=/);
  });

  it("takes the visitor from the __Host- cookie, whatever signed bare one comes first", () => {
    const planted = newVisitorCookieValue();
    const own = newVisitorCookieValue();
    // Before: the first correctly signed cookie in the header won, the planted one.
    expect(visitorSecretFrom(`chatfolio_visitor=${planted}; __Host-chatfolio_visitor=${own}`)).toBe(own.split(".")[0]);
    expect(visitorSecretFrom(`chatfolio_visitor=${planted}`)).toBe(planted.split(".")[0]);
    expect(visitorSecretFrom(`__Host-chatfolio_visitor=nonsense; chatfolio_visitor=${planted}`)).toBe(
      planted.split(".")[0],
    );
  });
});
