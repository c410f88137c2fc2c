import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A local stand-in for an OpenAI-compatible server (Chat Completions, streamed as server-sent
 * events, or in one JSON body when the request says `"stream": false`, as the JSON chat asks), the
 * one network the production server cannot reach in tests. What it does depends on
 * the last user message, so one server serves every case:
 * - contains "[fail]": answers 500 before any text;
 * - contains "[hang]": accepts the request and never answers;
 * - contains "[break]": streams two chunks of text, then drops the connection (unstreamed: drops it
 *   at once);
 * - contains "[hostile]": answers with HOSTILE_ANSWER (markup and links that must render inert);
 * - contains "[offer]" and the request offers the offer_contact_form tool: answers OFFER_ANSWER and
 *   calls that tool beside it, as a model asked to reach the owner would;
 * - otherwise: answers "Grounded: <first line of the system prompt>" in a few chunks.
 */
export interface OpenAICompatibleServer {
  /** The base URL to set as OPENAI_BASE_URL (ends in /v1). */
  baseUrl: string;
  /** Every request body received, newest last. */
  requests: ChatCompletionRequest[];
  close(): Promise<void>;
}

interface ChatCompletionRequest {
  model: string;
  stream?: boolean;
  tools?: Array<{ type: string; function: { name: string } }>;
  messages: Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
}

/** Script tags, event handlers, javascript: links and image beacons, raw and as markdown. */
export const HOSTILE_ANSWER = [
  "Here you go: <script>window.__pwned = 1</script>",
  '<img src="http://beacon.invalid/raw.png" onerror="window.__pwned = 2">',
  "[click me](javascript:window.__pwned=3) ![beacon](http://beacon.invalid/markdown.png)",
  '<a href="javascript:window.__pwned=4">raw link</a> <iframe src="javascript:window.__pwned=5"></iframe>',
].join("\n\n");

export const OFFER_ANSWER = "Leave your details in the form below and the owner will get back to you.";
const OFFER_TOOL = "offer_contact_form";
const offerCall = { id: "call_offer", type: "function", function: { name: OFFER_TOOL, arguments: "{}" } };

const textOf = (content: ChatCompletionRequest["messages"][number]["content"]) =>
  typeof content === "string" ? content : content.map((part) => part.text ?? "").join("");

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null = null): string {
  const body = {
    id: "chatcmpl-standin",
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

export async function startOpenAICompatibleServer(): Promise<OpenAICompatibleServer> {
  const requests: ChatCompletionRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (part: Buffer) => {
      raw += part.toString();
    });
    request.on("end", () => {
      if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
        response.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(raw) as ChatCompletionRequest;
      requests.push(body);
      const last = textOf(body.messages.filter((message) => message.role === "user").at(-1)?.content ?? "");
      if (last.includes("[hang]")) return;
      if (last.includes("[fail]")) {
        response
          .writeHead(500, { "content-type": "application/json" })
          .end('{"error":{"message":"the stand-in failed on purpose","type":"server_error"}}');
        return;
      }
      const system = textOf(body.messages.find((message) => message.role === "system")?.content ?? "");
      const offers = last.includes("[offer]") && (body.tools ?? []).some((tool) => tool.function.name === OFFER_TOOL);
      const answer = offers
        ? OFFER_ANSWER
        : last.includes("[hostile]")
          ? HOSTILE_ANSWER
          : `Grounded: ${system.split("\n")[0]}`;
      if (!body.stream) {
        if (last.includes("[break]")) {
          request.socket.destroy();
          return;
        }
        response.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: "chatcmpl-standin",
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: answer, ...(offers && { tool_calls: [offerCall] }) },
                finish_reason: offers ? "tool_calls" : "stop",
              },
            ],
            usage: { prompt_tokens: 50, completion_tokens: answer.split(" ").length, total_tokens: 60 },
          }),
        );
        return;
      }
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.write(chunk(body.model, { role: "assistant", content: "" }));
      if (last.includes("[break]")) {
        response.write(chunk(body.model, { content: "Half an " }));
        response.write(chunk(body.model, { content: "answer" }));
        // Let the two chunks reach the client before the connection drops mid-stream.
        setTimeout(() => request.socket.destroy(), 100);
        return;
      }
      const words = answer.split(" ");
      for (const [index, word] of words.entries()) {
        response.write(chunk(body.model, { content: index === 0 ? word : ` ${word}` }));
      }
      if (offers) response.write(chunk(body.model, { tool_calls: [{ index: 0, ...offerCall }] }));
      response.write(chunk(body.model, {}, offers ? "tool_calls" : "stop"));
      response.end("data: [DONE]\n\n");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
