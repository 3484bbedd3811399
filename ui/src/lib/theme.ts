// Applies the theme setting to <html data-theme>, following the OS while the
// setting is "system".
const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
let preference = "system";

function apply(): void {
  const dark = preference === "dark" || (preference === "system" && darkQuery.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

darkQuery.addEventListener("change", apply);

export function setTheme(value: string): void {
  preference = value;
  apply();
}
