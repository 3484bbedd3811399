// Applies the theme setting to <html data-theme>, following the OS while the
// setting is "system". It is applied once at load, before the setting is
// known, so app.css needs only the [data-theme="dark"] tokens.
const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
let preference = "system";

function apply(): void {
  const dark = preference === "dark" || (preference === "system" && darkQuery.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

darkQuery.addEventListener("change", apply);
apply();

export function setTheme(value: string): void {
  preference = value;
  apply();
}
