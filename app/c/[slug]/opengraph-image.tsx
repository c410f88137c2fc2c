import { ImageResponse } from "next/og";
import { bioLine } from "@/components/chat/bot-header";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import { findPublicChatbot } from "@/lib/chatbots/public-page";

export const alt = "A Chatfolio chatbot";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// The bundled font covers Latin only, and for anything else the renderer would fetch glyphs from
// Google Fonts: this server may have no network, so such characters are left out of the card.
function latin(text: string): string {
  return text.replace(/[^\u0020-\u024f\u2010-\u2027]/g, "").trim();
}

// GET /c/<slug>/opengraph-image – the link preview card: the bot, whom it speaks for, its colour
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  // Public bots only: a crawler is never the owner, so a private bot gets the generic card.
  const bot = await findPublicChatbot((await params).slug);
  const accent = resolveConfiguration(bot?.configuration).theme.accent_color;
  const title = latin(bot?.name ?? "Chatfolio") || "Chatfolio";
  const owner = bot?.owner_name ? latin([bot.owner_name, bot.owner_location].filter(Boolean).join(" · ")) : "";
  const line = latin(bot?.description ?? bioLine(bot?.owner_bio ?? null) ?? "Ask me anything.");
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fafafa",
        borderTop: `24px solid ${accent}`,
        color: "#18181b",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        {owner && <div style={{ fontSize: 36, color: "#52525b" }}>{owner}</div>}
        <div style={{ fontSize: 32, color: "#3f3f46", lineHeight: 1.4 }}>{line.slice(0, 160)}</div>
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 28, color: "#71717a" }}>
        <div style={{ width: 20, height: 20, borderRadius: 10, background: accent }} />
        Chat on Chatfolio
      </div>
    </div>,
    size,
  );
}
