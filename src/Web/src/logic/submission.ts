/**
 * One user intent = one Idempotency-Key. A retry of the same submission (after a timeout or a 503) reuses the key,
 * so the host answers it from its record instead of appending again; a definite answer ends the submission.
 */
export class Submission {
  private key: string | null = null;
  private inFlight = false;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for this attempt, or null when an attempt is still running (a double-click). */
  begin(): string | null {
    if (this.inFlight) return null;
    this.inFlight = true;
    this.key ??= this.newKey();
    return this.key;
  }

  /** The attempt ended; keepKey when its outcome is unknown and the user may retry the same submission. */
  end(keepKey: boolean): void {
    this.inFlight = false;
    if (!keepKey) this.key = null;
  }

  get busy(): boolean {
    return this.inFlight;
  }
}

export const ifMatch = (version: number) => `"${version}"`;
