// Same signal as the app: two frames after the first paint, report ready.
requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__TAURI__.core.invoke('app_ready').catch(() => {});
}));
