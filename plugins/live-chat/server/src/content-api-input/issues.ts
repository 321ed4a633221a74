/** One refused piece of input: where it is (`['query', 'filters', 'id', '$eq']`) and why. */
export interface InputIssue {
  path: string[];
  message: string;
}

/** The first few problems of a request (enough to fix it; a hostile input cannot make the answer huge). */
export class Issues {
  static readonly LIMIT = 20;
  readonly list: InputIssue[] = [];

  add(path: readonly string[], message: string): void {
    if (this.list.length < Issues.LIMIT) this.list.push({ path: [...path], message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}
