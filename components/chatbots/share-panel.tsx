import { ExternalLink } from "lucide-react";
import QRCode from "qrcode";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "./copy-button";

interface SharePanelProps {
  /** The public page's address, built from SITE_URL. */
  pageUrl: string;
  /** Where widget.js is served, from SITE_URL too. */
  widgetUrl: string;
  slug: string;
  accentColor: string;
  isPublic: boolean;
}

/** The bot's link with a copy button and a QR code, and the embed snippet for other sites. */
export async function SharePanel({ pageUrl, widgetUrl, slug, accentColor, isPublic }: SharePanelProps) {
  // An SVG made on the server: no QR code library in the browser's bundle.
  const qr = await QRCode.toString(pageUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
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
      <CardContent className="grid gap-6 md:grid-cols-[minmax(0,1fr)_auto]">
        <div className="grid min-w-0 gap-4">
          <div className="grid gap-2">
            <p className="text-sm font-medium">Link</p>
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
          <div className="grid gap-2">
            <p className="text-sm font-medium">Embed on your site</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Paste before <code>&lt;/body&gt;</code>. Options: <code>data-position</code> (bottom-right or
              bottom-left), <code>data-accent-color</code>, and <code>data-open="true"</code> to open the chat on load.
            </p>
            {/* Wrapped, not scrolled: the whole snippet stays visible and reachable without a scrollbar. */}
            <pre className="rounded bg-zinc-100 p-3 text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
              <code data-testid="embed-snippet">{snippet}</code>
            </pre>
            <div>
              <CopyButton text={snippet} label="Copy snippet" />
            </div>
          </div>
        </div>
        <figure className="grid justify-items-center gap-2">
          {/* biome-ignore lint/performance/noImgElement: a data URI made on the server; next/image adds nothing */}
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
            alt={`QR code for ${pageUrl}`}
            width={160}
            height={160}
            className="rounded bg-white p-1"
          />
          <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">Scan to open the chat</figcaption>
        </figure>
      </CardContent>
    </Card>
  );
}
