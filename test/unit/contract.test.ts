import { describe, expect, it } from 'vitest';
import {
  channels,
  chatEventSchema,
  ipcChannelName,
  isChannelName,
  MAX_MESSAGE_CHARS,
} from '../../electron/contract';

describe('contract', () => {
  it('knows its channels and nothing else', () => {
    expect(isChannelName('chat.start')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(ipcChannelName('chat.cancel')).toBe('qwen:chat.cancel');
  });

  it('refuses a paste larger than the limit with a human message', () => {
    const r = channels['chat.start'].arg.safeParse({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }],
    });
    expect(r.success).toBe(false);
    // Said by key with its number: main makes the sentence in the UI's language.
    expect(r.error?.issues[0]?.message).toBe('request.messageTooLong?max=1%2C000%2C000');
  });

  it('accepts image parts in a message (room for Qwen-VL)', () => {
    const r = channels['chat.start'].arg.safeParse({
      model: 'qwen-vl-plus',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ],
        },
      ],
    });
    expect(r.success).toBe(true);
  });

  it('refuses a model id with odd characters', () => {
    const r = channels['chat.start'].arg.safeParse({
      model: 'qwen plus<script>',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(r.success).toBe(false);
  });

  it('describes stream events', () => {
    expect(chatEventSchema.safeParse({ type: 'delta', streamId: 's', content: 'a' }).success).toBe(true);
    expect(chatEventSchema.safeParse({ type: 'bogus', streamId: 's' }).success).toBe(false);
  });
});
