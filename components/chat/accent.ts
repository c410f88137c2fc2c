import type { CSSProperties } from "react";

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
function foregroundFor(hex: string): string {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with white (1.05 / (L + 0.05)) beats contrast with black ((L + 0.05) / 0.05) below L ≈ 0.179.
  return luminance < 0.179 ? "#ffffff" : "#09090b";
}

/** CSS variables that tint the chat with the bot's theme colour (already validated as #rrggbb). */
export function accentStyle(accentColor: string): CSSProperties {
  return { "--accent": accentColor, "--accent-fg": foregroundFor(accentColor) } as CSSProperties;
}
