import { ExternalLink } from "lucide-react";
import QRCode from "qrcode";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsPanel, TabsTab } from "@/components/ui/tabs";
import { CopyButton } from "./copy-button";
import { QrDialog } from "./qr-dialog";

interface SharePanelProps {
  /** The public page's address, built from SITE_URL. */
  pageUrl: string;
  /** Where widget.js is served, from SITE_URL too. */
  widgetUrl: string;
  /** The bot's MCP server, for AI assistants. */
  mcpUrl: string;
  slug: string;
  accentColor: string;
  isPublic: boolean;
}

/** public/widget.js's options (its data-* attributes), as README's "Embedding" lists them. */
const WIDGET_OPTIONS = [
  { name: "data-chatbot", values: "the bot's slug", meaning: "Which chatbot opens (required)." },
  { name: "data-position", values: "bottom-right, bottom-left", meaning: "Corner of the floating button." },
  { name: "data-accent-color", values: "#rrggbb", meaning: "The button's colour; the chat uses the bot's own." },
  { name: "data-open", values: "true", meaning: "Open the chat when the page loads." },
] as const;

/**
 * The bot's link with a copy button and a QR code, the embed snippet for other sites, and its MCP
 * server for AI assistants.
 */
export async function SharePanel({ pageUrl, widgetUrl, mcpUrl, slug, accentColor, isPublic }: SharePanelProps) {
  // An SVG made on the server: no QR code library in the browser's bundle.
  const qr = await QRCode.toString(pageUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(qr)}`;
  // The JSON most MCP clients read (docs/mcp.md); VS Code names the key `servers`.
  const mcpConfig = JSON.stringify({ mcpServers: { [slug]: { type: "http", url: mcpUrl } } }, null, 2);
  const snippet = `<script src="${widgetUrl}" data-chatbot="${slug}" data-accent-color="${accentColor}" data-position="bottom-right" async></script>`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Share</CardTitle>
        <CardDescription>
          {isPublic
            ? "Send the link, print the QR code, or put the chat on your own site."
            : "This chatbot is private: only you can open it. Make it public to share it."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="link">
          <TabsList>
            <TabsTab value="link">Link and QR</TabsTab>
            <TabsTab value="embed">Embed</TabsTab>
            <TabsTab value="mcp">AI assistants</TabsTab>
          </TabsList>
          <TabsPanel value="link" className="grid gap-4 md:grid-cols-[minmax(0,1fr)_auto]">
            <div className="grid content-start gap-2">
              <div className="flex flex-wrap items-center gap-2">
                <code
                  data-testid="share-link"
                  className="rounded bg-zinc-100 px-2 py-1 text-sm break-all dark:bg-zinc-800"
                >
                  {pageUrl}
                </code>
                <CopyButton text={pageUrl} label="Copy link" />
                <a
                  href={pageUrl}
                  target="_blank"
                  rel="noopener"
                  className="inline-flex items-center gap-1 rounded text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                >
                  Open <ExternalLink aria-hidden className="size-3.5" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              </div>
            </div>
            <figure className="grid justify-items-center gap-1">
              {/* biome-ignore lint/performance/noImgElement: a data URI made on the server; next/image adds nothing */}
              <img
                src={qrSrc}
                alt={`QR code for ${pageUrl}`}
                width={144}
                height={144}
                className="rounded bg-white p-1"
              />
              <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">Scan to open the chat</figcaption>
              <QrDialog src={qrSrc} url={pageUrl} />
            </figure>
          </TabsPanel>
          <TabsPanel value="embed" className="grid min-w-0 gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Paste before <code>&lt;/body&gt;</code>: a button in the corner opens the chat.
            </p>
            <pre className="rounded bg-zinc-100 p-3 text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
              <code data-testid="embed-snippet">{snippet}</code>
            </pre>
            <div>
              <CopyButton text={snippet} label="Copy snippet" />
            </div>
            <Table>
              <TableCaption>The script tag's options, as attributes.</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Option</TableHead>
                  <TableHead>Values</TableHead>
                  <TableHead>What it does</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {WIDGET_OPTIONS.map((option) => (
                  <TableRow key={option.name}>
                    <TableCell>
                      <code>{option.name}</code>
                    </TableCell>
                    <TableCell>{option.values}</TableCell>
                    <TableCell>{option.meaning}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TabsPanel>
          <TabsPanel value="mcp" className="grid min-w-0 gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Anyone can ask this bot from their AI assistant (Claude, VS Code, Cursor...) by adding it as an MCP
              server; what they ask shows in your inbox from an MCP visitor.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="mcp-url" className="rounded bg-zinc-100 px-2 py-1 text-sm break-all dark:bg-zinc-800">
                {mcpUrl}
              </code>
              <CopyButton text={mcpUrl} label="Copy MCP address" />
            </div>
            <pre className="rounded bg-zinc-100 p-3 text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
              <code data-testid="mcp-config">{mcpConfig}</code>
            </pre>
            <div>
              <CopyButton text={mcpConfig} label="Copy configuration" />
            </div>
          </TabsPanel>
        </Tabs>
      </CardContent>
    </Card>
  );
}
