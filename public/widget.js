/*! Chatfolio widget: <script src="https://<host>/widget.js" data-chatbot="<slug>" async></script>
 * Options: data-position="bottom-right|bottom-left", data-accent-color="#rrggbb", data-open="true".
 * No dependencies. The chat iframe is created on first open; the page only preconnects on load. */
(() => {
  const script = document.currentScript || document.querySelector('script[data-chatbot][src*="widget.js"]');
  if (!script?.dataset.chatbot || window.__chatfolioWidget) return;
  window.__chatfolioWidget = true;

  const data = script.dataset;
  const origin = new URL(script.src, location.href).origin;
  const slug = encodeURIComponent(data.chatbot);
  const accent = /^#[0-9a-f]{6}$/i.test(data.accentColor || "") ? data.accentColor : "#2563eb";
  const side = data.position === "bottom-left" ? "left" : "right";

  // Opening should feel instant: the connection is ready before the visitor clicks.
  const hint = document.createElement("link");
  hint.rel = "preconnect";
  hint.href = origin;
  document.head.appendChild(hint);

  const host = document.createElement("div");
  host.setAttribute("data-chatfolio-widget", "");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}" +
    "button{position:fixed;bottom:20px;" +
    side +
    ":20px;z-index:2147483647;width:56px;height:56px;border:0;border-radius:50%;" +
    "background:" +
    accent +
    ";color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center}" +
    "button:focus-visible{outline:3px solid " +
    accent +
    ";outline-offset:3px}" +
    "svg{width:26px;height:26px}" +
    ".panel{position:fixed;bottom:88px;" +
    side +
    ":20px;z-index:2147483646;width:min(400px,calc(100vw - 40px));" +
    "height:min(640px,calc(100vh - 120px));border-radius:16px;overflow:hidden;background:#fff;" +
    "box-shadow:0 12px 40px rgba(0,0,0,.25)}" +
    ".panel[hidden]{display:none}" +
    "iframe{width:100%;height:100%;border:0;display:block}" +
    // Phones: the panel fills the screen, so the open button would sit on the chat's own Send
    // button; open, it becomes a close button in a bar above the chat instead.
    "@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0;" +
    "box-sizing:border-box;padding-top:52px}" +
    "button{bottom:12px;" +
    side +
    ":12px;width:48px;height:48px}" +
    "button[aria-expanded=true]{top:6px;bottom:auto;width:40px;height:40px;box-shadow:none}}" +
    "@media (max-width:480px) and (prefers-color-scheme:dark){.panel{background:#09090b}}" +
    "</style>" +
    '<div class="panel" part="panel" hidden></div>' +
    '<button type="button" part="button" aria-expanded="false"></button>';

  const panel = root.querySelector(".panel");
  const button = root.querySelector("button");
  const chatIcon =
    '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">' +
    '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';
  const closeIcon =
    '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">' +
    '<path d="M6 6l12 12M18 6L6 18"/></svg>';
  let frame;

  function setOpen(open, focus) {
    if (open && !frame) {
      frame = document.createElement("iframe");
      frame.src = `${origin}/c/${slug}/embed`;
      frame.title = "Chat";
      panel.appendChild(frame);
    }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? "Close chat" : "Open chat");
    button.innerHTML = open ? closeIcon : chatIcon;
    if (open && focus) frame.focus();
  }

  function close() {
    if (panel.hidden) return;
    setOpen(false);
    button.focus();
  }

  button.addEventListener("click", () => {
    setOpen(panel.hidden, true);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  // Escape pressed inside the chat happens in the iframe's document, not this one: the chat asks
  // to be closed instead. Only our own iframe, served from the widget's origin, may ask.
  window.addEventListener("message", (event) => {
    if (frame && event.source === frame.contentWindow && event.origin === origin && event.data === "chatfolio:close") {
      close();
    }
  });

  function mount() {
    document.body.appendChild(host);
    // Opened by the page, not the visitor: focus stays where they are on the page.
    setOpen(data.open === "true", false);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
