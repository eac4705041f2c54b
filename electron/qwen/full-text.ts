/**
 * qwen-mt-plus and qwen-mt-turbo stream non-incrementally (qwen-api-2026.md §6.4): every event
 * carries the whole translation so far. Everything after the parser (coalescing, the history
 * recorder, the window) works on increments, so the parser turns each full text into the part not
 * sent yet; its answer-size limit then counts the answer, not the sum of its repeats.
 */
export class FullTextIncrements {
  private sentLength = 0;

  /**
   * The new part of `full`. The documented stream only grows; if a model ever revises text already
   * shown, what was shown stays and the answer continues from the same length (text on screen
   * cannot be taken back, and the increments stay in step with the full text).
   */
  next(full: string): string {
    if (full.length <= this.sentLength) return '';
    const tail = full.slice(this.sentLength);
    this.sentLength = full.length;
    return tail;
  }
}
