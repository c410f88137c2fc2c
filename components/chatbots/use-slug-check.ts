"use client";

import { useEffect, useState } from "react";
import { checkSlugAction } from "@/lib/chatbots/actions";
import type { SlugAvailability } from "@/lib/chatbots/types";
import { idleFormState } from "@/lib/http/form-state";

/** Asks the server whether the slug is free, 400 ms after the owner stops typing. */
export function useSlugCheck(
  slug: string,
  chatbotId: string | null,
  savedSlug: string,
): { availability: SlugAvailability | null; message: string | null } {
  const [result, setResult] = useState<{ slug: string; availability: SlugAvailability; message: string } | null>(null);
  useEffect(() => {
    const wanted = slug.trim();
    if (wanted === "" || wanted === savedSlug) return;
    let current = true;
    const timer = setTimeout(async () => {
      const answer = await checkSlugAction(idleFormState, { slug: wanted, chatbot_id: chatbotId });
      if (!current) return;
      if (answer.status === "success") setResult({ slug: wanted, ...answer.data });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, chatbotId, savedSlug]);
  if (slug.trim() === savedSlug && savedSlug !== "")
    return { availability: "available", message: `/c/${savedSlug} is yours.` };
  return result?.slug === slug.trim()
    ? { availability: result.availability, message: result.message }
    : { availability: null, message: null };
}
