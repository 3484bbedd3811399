// Report after the first paint, as Tillid's home screen does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI__.core.invoke('ready')));
