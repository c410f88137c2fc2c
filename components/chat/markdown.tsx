import { Fragment, type ReactNode } from "react";

// A deliberately small Markdown subset for model answers: paragraphs, line breaks, lists, code
// blocks, `code`, **bold**, *emphasis* and http(s) links. Text only ever becomes React text
// nodes, so nothing the model writes can turn into HTML, and a link can't be javascript:.

const INLINE =
  /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|\*(?![\s*])([^*\n]+?)\*|(?<!\w)_(?![\s_])([^_\n]+?)_(?!\w)|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function inline(text: string, key = "i"): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(text.slice(last, index));
    const [, code, bold, star, underscore, label, href] = match;
    const k = `${key}-${index}`;
    if (code !== undefined) {
      nodes.push(
        <code key={k} className="rounded bg-black/5 px-1 py-0.5 font-mono text-[0.9em] dark:bg-white/10">
          {code}
        </code>,
      );
    } else if (bold !== undefined) {
      nodes.push(<strong key={k}>{inline(bold, k)}</strong>);
    } else if (star !== undefined || underscore !== undefined) {
      nodes.push(<em key={k}>{inline(star ?? underscore ?? "", k)}</em>);
    } else if (label !== undefined && href !== undefined) {
      const url = safeHref(href);
      nodes.push(
        url ? (
          <a key={k} href={url} target="_blank" rel="noopener noreferrer nofollow ugc" className="underline">
            {label}
          </a>
        ) : (
          label
        ),
      );
    }
    last = index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** Lines joined with <br>, each parsed for inline marks. */
function lines(text: string, key: string): ReactNode[] {
  // Keys by position: the text is static once rendered, and lines have no identity of their own.
  return text.split("\n").map((line, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <Fragment key={`${key}-${index}`}>
      {index > 0 && <br />}
      {inline(line, `${key}-${index}`)}
    </Fragment>
  ));
}

type Block =
  | { kind: "code"; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: string[] }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string };

const BULLET = /^\s*[-*+]\s+(.*)$/;
// At most 9 digits, as CommonMark: the number becomes <ol start>, and must stay an integer.
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;

function blocks(source: string): Block[] {
  const result: Block[] = [];
  const input = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) result.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  for (let i = 0; i < input.length; i++) {
    const line = input[i];
    if (line.trimStart().startsWith("```")) {
      flush();
      const code: string[] = [];
      for (i++; i < input.length && !input[i].trimStart().startsWith("```"); i++) code.push(input[i]);
      result.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const text = numbered ? numbered[2] : (bullet?.[1] ?? "");
      // Blank lines between items (a "loose" list, as models often write them) continue the list;
      // anything else in between has ended it.
      const previous = result.at(-1);
      if (previous?.kind === "list" && previous.ordered === ordered) previous.items.push(text);
      else result.push({ kind: "list", ordered, start: numbered ? Number(numbered[1]) : 1, items: [text] });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      result.push({ kind: "heading", text: heading[1] });
    } else if (line.trim() === "") {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return result;
}

/** Renders model-written Markdown as React elements; never as HTML. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="space-y-2 break-words">
      {blocks(text).map((block, index) => {
        const key = `b${index}`;
        switch (block.kind) {
          case "code":
            return (
              <pre key={key} className="overflow-x-auto rounded-md bg-black/5 p-3 font-mono text-sm dark:bg-white/10">
                <code>{block.text}</code>
              </pre>
            );
          case "list": {
            const items = block.items.map((item, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their position
              <li key={`${key}-${n}`}>{inline(item, `${key}-${n}`)}</li>
            ));
            return block.ordered ? (
              <ol key={key} start={block.start === 1 ? undefined : block.start} className="list-decimal space-y-1 pl-5">
                {items}
              </ol>
            ) : (
              <ul key={key} className="list-disc space-y-1 pl-5">
                {items}
              </ul>
            );
          }
          case "heading":
            return (
              <p key={key} className="font-semibold">
                {inline(block.text, key)}
              </p>
            );
          default:
            return <p key={key}>{lines(block.text, key)}</p>;
        }
      })}
    </div>
  );
}
