// The top bar's query, shared with the results view (they live in different
// parts of the layout but describe one search).
let query = $state("");

export const searchState = {
  get query(): string {
    return query;
  },
  set query(value: string) {
    query = value;
  },
};
