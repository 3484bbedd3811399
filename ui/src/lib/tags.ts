// Tags are typed as one comma-separated line; the backend normalises them
// (trims, lower-cases, drops '#'), so the UI only splits.
export function parseTags(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

export function joinTags(tags: string[]): string {
  return tags.join(", ");
}
