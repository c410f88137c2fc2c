import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { POST as CREATE_CHATBOT } from "@/app/api/chatbots/route";
import { GET } from "@/app/api/openapi.json/route";
import { PUT as PUT_PROFILE } from "@/app/api/profile/route";
import type { ResponseBody } from "@/lib/api/endpoint";
import { endpoints } from "@/lib/api/endpoints";
import { CONFIGURATION_KEYS } from "@/lib/chatbots/configuration";
import { toJsonSchema } from "@/lib/openapi/json-schema";
import { routesOnDisk } from "../support/api-routes";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { NAMELESS } from "../support/profiles";

type Json = Record<string, unknown>;
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Json & { responses: Record<string, Json>; security: Json[] }>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

function documented(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([urlPath, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${urlPath}`))
    .sort();
}

/** A schema as the document states it: a $ref is followed to its component. */
function resolve(document: OpenApiDocument, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref;
  return typeof ref === "string" ? document.components.schemas[ref.split("/").at(-1) as string] : schema;
}

function bodySchema(body: ResponseBody): Json {
  if ("arrayOf" in body) return { type: "array", items: toJsonSchema(body.arrayOf.schema, "output") };
  return toJsonSchema("schema" in body && "name" in body ? body.schema : body, "output");
}

/** A zod validator for a component, built back from the document's own JSON Schema. */
function validatorFor(document: OpenApiDocument, name: string): z.ZodType {
  const rewired = JSON.parse(
    JSON.stringify(document.components.schemas).replaceAll("#/components/schemas/", "#/$defs/"),
  ) as Record<string, Json>;
  return z.fromJSONSchema({ ...rewired[name], $defs: rewired } as Parameters<typeof z.fromJSONSchema>[0]);
}

describeEachDatabase("OpenAPI document", () => {
  let document: OpenApiDocument;
  let owner: SignedUpOwner;

  beforeAll(async () => {
    const response = await GET(new Request(`${TEST_ORIGIN}/api/openapi.json`));
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    owner = await signUpOwner();
  });

  it("is public OpenAPI 3.1 with the error body and the Bearer and API key schemes", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.ApiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/api/openapi.json"].get.security).toEqual([]);
  });

  it("describes every route the app serves, and no route that doesn't exist", async () => {
    const onDisk = (await routesOnDisk()).map((served) => served.route);
    const inDocument = documented(document);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(
      onDisk.filter((route) => !inDocument.includes(route)),
      "routes missing from the OpenAPI document",
    ).toEqual([]);
    expect(
      inDocument.filter((route) => !onDisk.includes(route)),
      "documented routes that don't exist",
    ).toEqual([]);
  });

  it("documents each route from the declaration the route itself is served with", async () => {
    for (const { route, method, urlPath, handler } of await routesOnDisk()) {
      const declared = handler.endpoint;
      expect(declared, `${route} is not served through route(endpoint)`).toBeDefined();
      if (!declared) continue;
      expect(endpoints, `${route}: its endpoint is not in lib/api/endpoints`).toContain(declared);
      expect(`${declared.method.toUpperCase()} ${declared.path}`, "declared method and path").toBe(route);
      const operation = document.paths[urlPath][method.toLowerCase()];

      const security = operation.security;
      const anonymousAllowed = security.some((requirement) => Object.keys(requirement).length === 0);
      if (declared.auth === "none") expect(security, route).toEqual([]);
      else {
        expect(
          security.some((requirement) => "bearerAuth" in requirement),
          route,
        ).toBe(true);
        expect(anonymousAllowed, route).toBe(declared.auth === "optional");
      }

      const parameters = (operation.parameters ?? []) as Array<{ name: string; in: string; schema: Json }>;
      for (const [location, object] of [
        ["path", declared.params],
        ["query", declared.query],
      ] as const) {
        const expected = object ? (toJsonSchema(object, "input").properties as Record<string, Json>) : {};
        const actual = Object.fromEntries(parameters.filter((p) => p.in === location).map((p) => [p.name, p.schema]));
        expect(actual, `${route} ${location} parameters`).toEqual(expected);
      }

      const requestBody = operation.requestBody as { content: Record<string, { schema: Json }> } | undefined;
      const mediaType = declared.body?.multipart ? "multipart/form-data" : "application/json";
      expect(Object.keys(requestBody?.content ?? {}), `${route} request media type`).toEqual(
        declared.body ? [mediaType] : [],
      );
      expect(resolve(document, requestBody?.content[mediaType]?.schema), `${route} request body`).toEqual(
        declared.body ? toJsonSchema(declared.body.schema, "input") : undefined,
      );

      for (const [status, response] of Object.entries(declared.responses)) {
        const content = operation.responses[status]?.content as Record<string, { schema?: Json }> | undefined;
        const schema = content?.["application/json"]?.schema;
        const items =
          schema?.type === "array" ? { type: "array", items: resolve(document, schema.items as Json) } : schema;
        expect(resolve(document, items), `${route} ${status} body`).toEqual(
          response.body ? bodySchema(response.body) : undefined,
        );
      }
    }
  });

  it("enforces each declaration's auth mode: a required one answers 401 without credentials", async () => {
    for (const { route, urlPath, handler } of await routesOnDisk()) {
      if (handler.endpoint?.auth !== "required") continue;
      const url = `${TEST_ORIGIN}${urlPath.replace("{id}", randomUUID())}`;
      const method = route.split(" ")[0];
      const response = await handler(new Request(url, { method }));
      expect(response.status, route).toBe(401);
    }
  });

  it("gives every operation a unique id, the error responses it can answer and resolvable references", () => {
    const ids = new Set<string>();
    for (const [urlPath, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const label = `${method} ${urlPath}`;
        expect(ids.has(operation.operationId as string), label).toBe(false);
        ids.add(operation.operationId as string);
        const authenticated = operation.security.some((requirement) => "bearerAuth" in requirement);
        const mustAuth =
          authenticated && !operation.security.some((requirement) => Object.keys(requirement).length === 0);
        if (mustAuth) expect(operation.responses, label).toHaveProperty("401");
        if (operation.requestBody) {
          expect(operation.responses, label).toHaveProperty("400");
          expect(operation.responses, label).toHaveProperty("413");
        }
        if (urlPath.includes("{")) expect(operation.responses, label).toHaveProperty("404");
      }
    }
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g) ?? [];
    for (const ref of new Set(refs))
      expect(document.components.schemas).toHaveProperty(ref.split("/").at(-1) as string);
  });

  it("documents requests from the input side and responses from the output side of the same schemas", () => {
    const create = document.components.schemas.ChatbotCreate as { required: string[]; properties: Json };
    expect(create.required).toEqual(["name"]);
    const configuration = create.properties.configuration as { additionalProperties: boolean };
    expect(configuration.additionalProperties).toBe(false);
    const chatbot = document.components.schemas.Chatbot as { properties: { configuration: { required: string[] } } };
    expect(chatbot.properties.configuration.required.sort()).toEqual([...CONFIGURATION_KEYS].sort());
    const update = document.components.schemas.ChatbotUpdate as { required?: string[] };
    expect(update.required ?? []).toEqual([]);
  });

  it("describes every configuration key, in requests and responses", () => {
    for (const name of ["Chatbot", "ChatbotCreate", "ChatbotUpdate"]) {
      const schema = document.components.schemas[name] as {
        properties: { configuration: { properties: Record<string, { description?: string }> } };
      };
      const properties = schema.properties.configuration.properties;
      expect(Object.keys(properties), name).toEqual(CONFIGURATION_KEYS);
      for (const key of CONFIGURATION_KEYS) expect(properties[key].description, `${name}.${key}`).toMatch(/\S/);
    }
  });

  it("matches what the API really returns", async () => {
    const chatbot = await CREATE_CHATBOT(
      jsonRequest("/api/chatbots", { name: "Documented" }, { headers: owner.bearer }),
    );
    expect(validatorFor(document, "Chatbot").safeParse(await chatbot.json()).success).toBe(true);
    const profile = await PUT_PROFILE(
      // Null name and location: the document must allow the nulls the API returns.
      jsonRequest("/api/profile", NAMELESS, { method: "PUT", headers: owner.bearer }),
    );
    expect(validatorFor(document, "Profile").safeParse(await profile.json()).success).toBe(true);
    const refused = await CREATE_CHATBOT(jsonRequest("/api/chatbots", { name: 1 }, { headers: owner.bearer }));
    expect(refused.status).toBe(400);
    expect(validatorFor(document, "Error").safeParse(await refused.json()).success).toBe(true);
  });
});
