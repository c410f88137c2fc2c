import { describe, expect, it } from "vitest";
import { visitorLabel } from "@/lib/inbox/visitor-label";

describe("the inbox's name for a visitor", () => {
  it("is the name they gave, else where they came from and a short id", () => {
    expect(visitorLabel({ visitor_id: "mcp-0123456789abcdef", name: "Grace" })).toBe("Grace");
    expect(visitorLabel({ visitor_id: "mcp-0123456789abcdef", name: null })).toBe("MCP visitor 01234567");
    expect(visitorLabel({ visitor_id: "web-0123456789abcdef", name: null })).toBe("Visitor web-0123");
    expect(visitorLabel(null)).toBe("Owner (API)");
  });
});
