import "server-only";
import { translate, type Locale } from "@/lib/i18n";
import { LEARNING_MESSAGE_KEYS, type LearningMessages } from "@/components/player/messages";

const byLocale = new Map<Locale, LearningMessages>();

/** The module page's client messages in one language (picked once per process and language). */
export function learningMessages(locale: Locale): LearningMessages {
  let messages = byLocale.get(locale);
  if (!messages) {
    messages = Object.fromEntries(LEARNING_MESSAGE_KEYS.map((key) => [key, translate(locale, key)])) as LearningMessages;
    byLocale.set(locale, messages);
  }
  return messages;
}
