/**
 * Waits until `probe` stops throwing (or returns a truthy value), instead of sleeping a fixed time.
 * The last failure is rethrown when the time runs out, so the test says what never became true.
 */
export async function eventually<T>(probe: () => Promise<T> | T, { timeoutMs = 20_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('condition never held');
  while (Date.now() < deadline) {
    try {
      const result = await probe();
      if (result !== false && result !== undefined && result !== null) return result;
      lastError = new Error(`condition returned ${String(result)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw lastError;
}
