import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/chat/markdown";

/** The rendered HTML without the wrapper and the styling classes, which these tests don't judge. */
function html(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, { text }))
    .replace(/^<div[^>]*>|<\/div>$/g, "")
    .replace(/ class="[^"]*"/g, "");
}

describe("Markdown subset for model answers", () => {
  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(html("First line\nsecond line\n\nNext paragraph")).toBe(
      "<p>First line<br/>second line</p><p>Next paragraph</p>",
    );
  });

  it("renders bold, emphasis and inline code", () => {
    expect(html("**bold** and *em* and _also em_ and `x < y`")).toBe(
      "<p><strong>bold</strong> and <em>em</em> and <em>also em</em> and <code>x &lt; y</code></p>",
    );
  });

  it("keeps a code block's text as text", () => {
    expect(html("```\n<b>not bold</b>\n```")).toBe("<pre><code>&lt;b&gt;not bold&lt;/b&gt;</code></pre>");
  });

  it("renders bullet lists", () => {
    expect(html("- one\n- two\n* three")).toBe("<ul><li>one</li><li>two</li><li>three</li></ul>");
  });

  it("keeps a numbered list whole across blank lines", () => {
    expect(html("1. a\n\n2. b\n\n3. c")).toBe("<ol><li>a</li><li>b</li><li>c</li></ol>");
    expect(html("- a\n\n- b")).toBe("<ul><li>a</li><li>b</li></ul>");
  });

  it("starts a numbered list at its first number", () => {
    expect(html("5. x\n6. y")).toBe('<ol start="5"><li>x</li><li>y</li></ol>');
    expect(html("Steps:\n\n3) third")).toBe('<p>Steps:</p><ol start="3"><li>third</li></ol>');
  });

  it("ends a list at a paragraph, and starts a new one after it", () => {
    expect(html("1. a\n\nBetween\n\n2. b")).toBe('<ol><li>a</li></ol><p>Between</p><ol start="2"><li>b</li></ol>');
    expect(html("1. a\n- b")).toBe("<ol><li>a</li></ol><ul><li>b</li></ul>");
  });

  it("links http and https URLs, opening them safely in a new tab", () => {
    expect(html("[site](https://example.com/a?b=1) and [plain](http://example.org)")).toBe(
      '<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow ugc">site</a>' +
        ' and <a href="http://example.org/" target="_blank" rel="noopener noreferrer nofollow ugc">plain</a></p>',
    );
  });

  it("never links javascript:, data: or relative URLs, keeping only their label", () => {
    for (const href of ["javascript:alert`1`", "JavaScript:void0", "data:text/html,<script>x</script>", "/relative"]) {
      const rendered = html(`[click](${href})`);
      expect(rendered).toBe("<p>click</p>");
      expect(rendered).not.toContain("<a");
    }
    expect(html("[click](javascript:alert(1))")).not.toContain("<a");
  });

  it("escapes raw HTML instead of rendering it", () => {
    const rendered = html('<script>alert(1)</script> <img src=x onerror="alert(1)"> <b>hi</b>');
    expect(rendered).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;b&gt;hi&lt;/b&gt;</p>",
    );
  });
});
