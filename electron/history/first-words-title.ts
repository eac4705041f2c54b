/**
 * A conversation's title before the model's arrives (or when it never does: the first answer
 * failed, or the conversation was imported without one): its first question's first words, on
 * one line, at most 40 characters. Made when a conversation is read, not stored, so the model's
 * title (or the user's rename) replaces it without telling the two apart in the database.
 */
export const FIRST_WORDS_MAX = 40;

/** The first words of `question`; empty when it has none. */
export function firstWordsTitle(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= FIRST_WORDS_MAX) return line;
  const cut = line.slice(0, FIRST_WORDS_MAX);
  const space = cut.lastIndexOf(' ');
  return `${space > FIRST_WORDS_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * SQL for the first question of conversation `c` (its first 200 characters: enough for 40 of title
 * after whitespace is folded), read through the `messages_conversation` index.
 */
export const FIRST_QUESTION_SQL = `(SELECT substr(m.content, 1, 200) FROM messages m
    WHERE m.conversation_id = c.id AND m.role = 'user' ORDER BY m.id LIMIT 1)`;
